import type { ComponentProps } from 'react'
import { cx } from '../lib/class-names.ts'

/** The seed's panel: `bg-card border rounded-lg p-4`. */
export function Card({ className, ...props }: ComponentProps<'section'>) {
  return (
    <section className={cx('rounded-lg border bg-card p-4 text-card-foreground', className)} {...props} />
  )
}
