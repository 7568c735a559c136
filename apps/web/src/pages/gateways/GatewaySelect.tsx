import { useMemo } from 'react'
import { useGateways } from '../../api/gateways.ts'
import { Select } from '../../components/Input.tsx'

interface GatewaySelectProps {
  value: number | undefined
  onChange: (gatewayId: number | undefined) => void
}

/** A filter bar's gateway choice: "All gateways" or one of them by name. */
export function GatewaySelect({ value, onChange }: GatewaySelectProps) {
  const gateways = useGateways()
  // The same elements from one render to the next: React then skips comparing a fleet's worth of
  // options each time the page around it changes (a live list re-renders on every event).
  const options = useMemo(
    () =>
      gateways.data?.gateways.map((gateway) => (
        <option key={gateway.id} value={gateway.id}>
          {gateway.name}
        </option>
      )),
    [gateways.data],
  )
  return (
    <Select
      aria-label="Gateway"
      size="compact"
      className="w-full sm:w-auto"
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
    >
      <option value="">All gateways</option>
      {options}
    </Select>
  )
}
