import type { GatewayEventRow } from '@mc/shared'
import { Badge } from '../../../components/Badge.tsx'
import { Table, TableHead, Td, Tr } from '../../../components/Table.tsx'
import { formatDateTime } from '../../../lib/time.ts'
import { sampledLabel } from '../../../lib/timeline.ts'

const COLUMNS = ['Time', 'Type', 'Session', 'Agent', 'What happened']

/** The gateway's events, newest first; a row standing for a flood says how many it counts. */
export function TimelineTable({ events }: { events: readonly GatewayEventRow[] }) {
  return (
    <Table aria-label="Timeline">
      <TableHead columns={COLUMNS} />
      <tbody>
        {events.map((event) => (
          <Tr key={event.id} data-event-type={event.type} data-sampled={event.sampled}>
            <Td className="whitespace-nowrap text-muted-foreground tabular-nums">
              {formatDateTime(event.at)}
            </Td>
            <Td className="whitespace-nowrap font-mono">{event.type}</Td>
            <Td
              className="max-w-48 truncate font-mono text-muted-foreground"
              title={event.session_key ?? undefined}
            >
              {event.session_key ?? '—'}
            </Td>
            <Td className="whitespace-nowrap text-muted-foreground">{event.agent ?? '—'}</Td>
            <Td className="break-words">
              <span className="inline-flex flex-wrap items-center gap-2">
                {event.summary}
                {sampledLabel(event) && (
                  <span title="Beyond the gateway's event rate, a minute of one type is kept as one row">
                    <Badge variant={event.sampled ? 'warning' : 'neutral'}>{sampledLabel(event)}</Badge>
                  </span>
                )}
              </span>
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
