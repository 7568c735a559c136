import { useGateways } from '../../api/gateways.ts'
import { Select } from '../../components/Input.tsx'

interface GatewaySelectProps {
  value: number | undefined
  onChange: (gatewayId: number | undefined) => void
}

/** A filter bar's gateway choice: "All gateways" or one of them by name. */
export function GatewaySelect({ value, onChange }: GatewaySelectProps) {
  const gateways = useGateways()
  return (
    <Select
      aria-label="Gateway"
      size="compact"
      className="w-full sm:w-auto"
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
    >
      <option value="">All gateways</option>
      {gateways.data?.gateways.map((gateway) => (
        <option key={gateway.id} value={gateway.id}>
          {gateway.name}
        </option>
      ))}
    </Select>
  )
}
