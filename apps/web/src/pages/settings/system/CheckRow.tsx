import type { ReactNode } from 'react'
import { StatusIcon, type StatusTone, TONE_LOOK } from '../../../components/StatusIcon.tsx'
import { cx } from '../../../lib/class-names.ts'

interface CheckRowProps {
  /** Stable id for the row (`db`, `redis`, `worker`). */
  id: string
  name: string
  /** ok, or how bad it is that it isn't: `warn` degrades the system, `error` takes it down. */
  tone: StatusTone
  /** "ok", or why not. */
  detail: string
  /** Right-hand figure: latency, last heartbeat… */
  metric: ReactNode
}

/** One dependency of the system and whether it answers. */
export function CheckRow({ id, name, tone, detail, metric }: CheckRowProps) {
  const ok = tone === 'ok'
  return (
    <li data-check={id} data-ok={ok} className="flex items-center gap-3 px-3 py-2.5">
      <StatusIcon tone={tone} size="md" label={ok ? `${name} ok` : `${name} failing`} />
      <div className="min-w-0 flex-1 sm:flex sm:items-center sm:gap-3">
        <span className="block shrink-0 font-medium text-sm sm:w-24">{name}</span>
        <span
          data-field="detail"
          className={cx('block min-w-0 truncate text-xs', TONE_LOOK[tone].text)}
          title={detail}
        >
          {detail}
        </span>
      </div>
      <span data-field="metric" className="shrink-0 text-right font-mono text-muted-foreground text-xs">
        {metric}
      </span>
    </li>
  )
}
