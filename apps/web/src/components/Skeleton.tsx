import { cx } from '../lib/class-names.ts'

/** A grey placeholder block with the shape of content that is still loading. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cx('animate-pulse rounded bg-muted', className)} />
}
