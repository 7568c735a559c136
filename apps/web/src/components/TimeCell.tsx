import { formatAge, formatDate, formatDateTime } from '../lib/time.ts'
import { Td } from './Table.tsx'

interface TimeCellProps {
  /** Unix seconds, or null for "never". */
  at: number | null
  /** `date`: the calendar day; `age`: how long ago, against `now` (unix seconds). */
  show: 'date' | 'age'
  now?: number
}

/** A muted table cell with a time in short form and the full local date and time on hover. */
export function TimeCell({ at, show, now = Date.now() / 1000 }: TimeCellProps) {
  const text = at === null ? formatAge(null) : show === 'date' ? formatDate(at) : formatAge(now - at)
  return (
    <Td
      className="whitespace-nowrap text-muted-foreground"
      title={at === null ? undefined : formatDateTime(at)}
    >
      {text}
    </Td>
  )
}
