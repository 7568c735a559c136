import type { ReactNode } from 'react'
import { cx } from '../lib/class-names.ts'
import { StatusIcon, type StatusTone } from './StatusIcon.tsx'

export type AlertTone = 'error' | 'warning' | 'success'

const TONES: Record<AlertTone, { classes: string; dot: StatusTone }> = {
  error: { classes: 'border-red-500/30 bg-red-500/5 text-red-300', dot: 'error' },
  warning: { classes: 'border-amber-500/30 bg-amber-500/5 text-amber-200', dot: 'warn' },
  success: { classes: 'border-green-500/30 bg-green-500/5 text-green-300', dot: 'ok' },
}

interface AlertProps {
  tone?: AlertTone
  children: ReactNode
  /** Shows a × to hide the message. */
  onDismiss?: () => void
  className?: string
}

/** A one-line message inside a panel or form: a refused action, a warning, a done deal. */
export function Alert({ tone = 'error', children, onDismiss, className }: AlertProps) {
  const { classes, dot } = TONES[tone]
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cx('flex items-start gap-2 rounded-md border px-3 py-2 text-xs', classes, className)}
    >
      <StatusIcon tone={dot} className="mt-1" />
      <div className="min-w-0 flex-1 leading-relaxed">{children}</div>
      {onDismiss && (
        <button
          type="button"
          onClick={onDismiss}
          aria-label="Dismiss"
          className="-my-0.5 rounded px-1 text-muted-foreground hover:text-foreground"
        >
          ×
        </button>
      )}
    </div>
  )
}
