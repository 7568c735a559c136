import type { IncidentTimelineEntry } from '@mc/shared'
import { formatDateTime } from '../../../lib/time.ts'

const WHAT: Record<IncidentTimelineEntry['type'], string> = {
  opened: 'Opened',
  notified: 'Notified',
  delivery_failed: 'Delivery failed',
  suppressed: 'Not sent',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
}

/** What happened to an incident, oldest first: opened, each notification attempt, ack, resolution. */
export function IncidentTimeline({ entries }: { entries: IncidentTimelineEntry[] }) {
  if (entries.length === 0) return <p className="text-muted-foreground text-xs">Nothing recorded yet.</p>
  return (
    <ol data-testid="incident-timeline" className="space-y-2 border-l pl-4 text-xs">
      {entries.map((entry, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id and never reorder
        <li key={index} data-entry={entry.type} className="relative">
          <span aria-hidden="true" className="-left-[21px] absolute top-1 size-2 rounded-full bg-border" />
          <div className="flex flex-wrap items-baseline gap-x-2">
            <span className={entry.type === 'delivery_failed' ? 'font-medium text-red-400' : 'font-medium'}>
              {WHAT[entry.type]}
            </span>
            <span className="text-muted-foreground">by {entry.actor}</span>
            <time className="ml-auto font-mono text-muted-foreground">{formatDateTime(entry.at)}</time>
          </div>
          {entry.detail && <p className="mt-0.5 break-words text-muted-foreground">{entry.detail}</p>}
        </li>
      ))}
    </ol>
  )
}
