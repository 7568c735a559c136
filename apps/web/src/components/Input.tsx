import type { ComponentProps } from 'react'
import { cx } from '../lib/class-names.ts'

/**
 * A control's height and type size: `regular` in forms, `compact` in filter bars and table rows
 * (next to the 28 px chips and buttons there). Inputs and selects share them, so fields side by side
 * never differ in type size.
 */
export type ControlSize = 'regular' | 'compact'

const SIZE_CLASSES: Record<ControlSize, string> = {
  regular: 'h-8 text-sm',
  compact: 'h-7 text-xs',
}

/** The look of every text input and select: dark field, primary outline on focus, red when invalid. */
const CONTROL_CLASSES = cx(
  'rounded-md border border-input bg-background px-2.5 transition-colors',
  'placeholder:text-muted-foreground/60 focus-visible:border-ring focus-visible:outline-offset-0',
  'aria-invalid:border-red-500/70 disabled:opacity-50',
)

type ControlProps<Element extends 'input' | 'select'> = Omit<ComponentProps<Element>, 'size'> & {
  size?: ControlSize
}

export function Input({ className, size = 'regular', ...props }: ControlProps<'input'>) {
  return <input className={cx(CONTROL_CLASSES, SIZE_CLASSES[size], 'w-full', className)} {...props} />
}

/** A multi-line text input in the same look, for longer free text (a description). */
export function TextArea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={cx(CONTROL_CLASSES, 'block w-full py-1.5 text-sm', className)} {...props} />
}

export function Select({ className, size = 'regular', ...props }: ControlProps<'select'>) {
  return <select className={cx(CONTROL_CLASSES, SIZE_CLASSES[size], 'pr-7', className)} {...props} />
}
