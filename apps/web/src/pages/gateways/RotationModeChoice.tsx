import type { TokenRotationMode } from '@mc/shared'
import { cx } from '../../lib/class-names.ts'

const MODES: { mode: TokenRotationMode; label: string; description: string }[] = [
  {
    mode: 'auto',
    label: 'Automatic',
    description:
      'Mission Control changes the token on the gateway over its protocol and checks the new one works. Needs the admin scope, which the gateway grants only when Mission Control reaches it over loopback (the same host).',
  },
  {
    mode: 'manual',
    label: 'Manual',
    description:
      'You get a new token and the command to run on the gateway’s host. Mission Control switches to it once a probe finds the gateway takes it.',
  },
]

interface RotationModeChoiceProps {
  value: TokenRotationMode
  onChange: (mode: TokenRotationMode) => void
  disabled: boolean
}

/** Automatic or manual, each with what it does and what it needs. */
export function RotationModeChoice({ value, onChange, disabled }: RotationModeChoiceProps) {
  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="sr-only">How to rotate</legend>
      {MODES.map(({ mode, label, description }) => (
        <label
          key={mode}
          className={cx(
            'flex cursor-pointer gap-3 rounded-md border px-3 py-2.5',
            value === mode ? 'border-primary/60 bg-primary/5' : 'hover:bg-accent/40',
          )}
        >
          <input
            type="radio"
            name="rotation_mode"
            value={mode}
            checked={value === mode}
            onChange={() => onChange(mode)}
            className="mt-0.5 accent-primary"
          />
          <span className="min-w-0">
            <span className="block font-medium text-sm">{label}</span>
            <span className="mt-0.5 block text-muted-foreground text-xs leading-relaxed">{description}</span>
          </span>
        </label>
      ))}
    </fieldset>
  )
}
