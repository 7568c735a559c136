import { Button } from '../../components/Button.tsx'
import { Spinner } from '../../components/Spinner.tsx'

interface ProbeButtonProps {
  /** "Probe" or "Probe All". */
  label: string
  /** What is being probed, for screen readers: "Production", "all gateways". */
  target: string
  probing: boolean
  disabled?: boolean
  onClick: () => void
  className?: string
}

/** Starts a probe; while it runs, a spinner and "Probing…", and no second click. */
export function ProbeButton({
  label,
  target,
  probing,
  disabled = false,
  onClick,
  className,
}: ProbeButtonProps) {
  return (
    <Button className={className} disabled={probing || disabled} onClick={onClick}>
      {probing && <Spinner label={`Probing ${target}`} className="[&_svg]:size-3.5" />}
      {probing ? 'Probing…' : label}
    </Button>
  )
}
