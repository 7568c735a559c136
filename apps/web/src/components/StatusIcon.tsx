import { cx } from '../lib/class-names.ts'

/**
 * What a status means, independent of what it is about (a gateway, a check, a connection, the
 * system). `fault` is "answers, but wrongly" (a gateway refusing its token), kept apart from `error`
 * (down); `pending` is an attempt under way; `stopped` is something that ended and waits for a person.
 */
export type StatusTone = 'ok' | 'pending' | 'warn' | 'error' | 'fault' | 'unknown' | 'stopped'

type Shape = 'disc' | 'ring' | 'triangle' | 'square' | 'diamond' | 'bar'

interface ToneLook {
  /** Each tone has its own shape as well as its own colour, so no one has to tell colours apart. */
  shape: Shape
  /** The mark's colour (`currentColor` of the SVG). */
  icon: string
  /** Text in the tone's colour, readable on the dark cards. */
  text: string
  /** Fills: probe ticks, legend swatches, bars. */
  background: string
  /** The colour as a CSS value, for SVG attributes (charts) that Tailwind classes do not reach. */
  css: string
}

/** The one table of status colours and shapes; every status on every page goes through it. */
export const TONE_LOOK: Record<StatusTone, ToneLook> = {
  ok: {
    shape: 'disc',
    icon: 'text-green-500',
    text: 'text-green-400',
    background: 'bg-green-500',
    css: 'var(--color-green-500)',
  },
  pending: {
    shape: 'ring',
    icon: 'text-sky-400',
    text: 'text-sky-300',
    background: 'bg-sky-400',
    css: 'var(--color-sky-400)',
  },
  warn: {
    shape: 'triangle',
    icon: 'text-amber-500',
    text: 'text-amber-400',
    background: 'bg-amber-500',
    css: 'var(--color-amber-500)',
  },
  error: {
    shape: 'square',
    icon: 'text-red-500',
    text: 'text-red-400',
    background: 'bg-red-500',
    css: 'var(--color-red-500)',
  },
  fault: {
    shape: 'diamond',
    icon: 'text-violet-400',
    text: 'text-violet-300',
    background: 'bg-violet-400',
    css: 'var(--color-violet-400)',
  },
  unknown: {
    shape: 'ring',
    icon: 'text-muted-foreground',
    text: 'text-muted-foreground',
    background: 'bg-muted-foreground/40',
    css: 'var(--color-muted-foreground)',
  },
  stopped: {
    shape: 'bar',
    icon: 'text-muted-foreground',
    text: 'text-muted-foreground',
    background: 'bg-muted-foreground/40',
    css: 'var(--color-muted-foreground)',
  },
}

/** A tone's shape on a 10-unit grid, drawn in `currentColor`; charts place it in their own SVG. */
export function StatusShape({ tone }: { tone: StatusTone }) {
  switch (TONE_LOOK[tone].shape) {
    case 'disc':
      return <circle cx="5" cy="5" r="4.5" fill="currentColor" />
    case 'ring':
      return <circle cx="5" cy="5" r="3.75" fill="none" stroke="currentColor" strokeWidth="1.5" />
    case 'triangle':
      return <path d="M5 0.4 9.8 9.2H0.2Z" fill="currentColor" />
    case 'square':
      return <rect x="0.75" y="0.75" width="8.5" height="8.5" rx="1" fill="currentColor" />
    case 'diamond':
      return <path d="M5 0 10 5 5 10 0 5Z" fill="currentColor" />
    case 'bar':
      return <rect x="0.5" y="3.5" width="9" height="3" rx="1" fill="currentColor" />
  }
}

interface StatusIconProps {
  tone: StatusTone
  /** For an attempt under way; never for a state that can last (a pulse that never stops alarms). */
  pulse?: boolean
  size?: 'sm' | 'md'
  /** Read out by screen readers; without it the mark is decorative (the text next to it says it). */
  label?: string
  className?: string
}

/** A status mark: the tone's colour and shape (green disc, amber triangle, red square…). */
export function StatusIcon({ tone, pulse = false, size = 'sm', label, className }: StatusIconProps) {
  const look = TONE_LOOK[tone]
  const classes = cx(
    'inline-block shrink-0',
    size === 'md' ? 'size-2.5' : 'size-2',
    look.icon,
    pulse && 'animate-pulse',
    className,
  )
  return (
    <svg
      viewBox="0 0 10 10"
      data-tone={tone}
      data-shape={look.shape}
      className={classes}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      <StatusShape tone={tone} />
    </svg>
  )
}
