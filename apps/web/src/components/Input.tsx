import type { ComponentProps } from 'react'
import { cx } from '../lib/class-names.ts'

/** The look of every text input and select: dark field, primary outline on focus, red when invalid. */
export const CONTROL_CLASSES = cx(
  'h-8 rounded-md border border-input bg-background px-2.5 text-sm transition-colors',
  'placeholder:text-muted-foreground/60 focus-visible:border-ring focus-visible:outline-offset-0',
  'aria-invalid:border-red-500/70 disabled:opacity-50',
)

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cx(CONTROL_CLASSES, 'w-full', className)} {...props} />
}

export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={cx(CONTROL_CLASSES, 'pr-7', className)} {...props} />
}
