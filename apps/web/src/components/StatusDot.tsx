import { cx } from '../lib/class-names.ts'

/**
 * What a status means, independent of what it is about (a gateway, a check, the whole system).
 * `fault` is "answers, but wrongly" (a gateway refusing its token), kept apart from `error` (down).
 */
export type StatusTone = 'ok' | 'warn' | 'error' | 'fault' | 'unknown'

/** The background colour of each tone; tick strips and legends use it too. */
export const TONE_BACKGROUND: Record<StatusTone, string> = {
  ok: 'bg-green-500',
  warn: 'bg-amber-500',
  error: 'bg-red-500',
  fault: 'bg-rose-500',
  unknown: 'bg-muted-foreground/30',
}

/** A fault's dot also gets a halo, so it is not read as plain red. */
const TONE_EXTRA: Partial<Record<StatusTone, string>> = { fault: 'ring-2 ring-rose-500/35' }

interface StatusDotProps {
  tone: StatusTone
  pulse?: boolean
  size?: 'sm' | 'md'
  /** Read out by screen readers; without it the dot is decorative (the text next to it says it). */
  label?: string
  className?: string
}

export function StatusDot({ tone, pulse = false, size = 'sm', label, className }: StatusDotProps) {
  const classes = cx(
    'inline-block shrink-0 rounded-full',
    size === 'md' ? 'size-2.5' : 'size-2',
    TONE_BACKGROUND[tone],
    TONE_EXTRA[tone],
    pulse && 'animate-pulse',
    className,
  )
  if (label) return <span role="img" aria-label={label} data-tone={tone} className={classes} />
  return <span aria-hidden="true" data-tone={tone} className={classes} />
}
