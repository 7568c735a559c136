import type { Session } from '@mc/shared'
import { Link } from 'react-router'
import { Table, TableHead, Td, Tr } from '../../components/Table.tsx'
import { TimeCell } from '../../components/TimeCell.tsx'
import { formatCost, formatSessionTokens, sessionTitle } from '../../lib/sessions.ts'
import { useNowSeconds } from '../../lib/use-now.ts'
import { SessionStateMark } from './SessionStateMark.tsx'

const COLUMNS = [
  'Agent',
  'Session',
  'Model',
  'State',
  'Last activity',
  { label: 'Tokens in / out', className: 'text-right' },
  { label: 'Cost', className: 'text-right' },
]

interface SessionsTableProps {
  sessions: readonly Session[]
  /** The gateway column, for lists across gateways (not on a gateway's own page). */
  showGateway: boolean
}

/** Sessions with their state and a last activity that keeps ticking. */
export function SessionsTable({ sessions, showGateway }: SessionsTableProps) {
  const now = useNowSeconds(5000)
  return (
    <Table aria-label="Sessions">
      <TableHead columns={showGateway ? ['Gateway', ...COLUMNS] : COLUMNS} />
      <tbody>
        {sessions.map((session) => (
          <Tr key={session.id} data-session={session.key} data-state={session.state}>
            {showGateway && (
              <Td className="whitespace-nowrap">
                <Link to={`/gateways/${session.gateway_id}`} className="hover:text-primary hover:underline">
                  {session.gateway_name}
                </Link>
              </Td>
            )}
            <Td className="whitespace-nowrap text-muted-foreground">{session.agent}</Td>
            <Td className="max-w-72 truncate font-medium" title={session.key}>
              <Link to={`/sessions/${session.id}`} className="hover:text-primary hover:underline">
                {sessionTitle(session)}
              </Link>
            </Td>
            <Td className="whitespace-nowrap text-muted-foreground">{session.model ?? '—'}</Td>
            <Td className="whitespace-nowrap">
              <SessionStateMark state={session.state} />
            </Td>
            <TimeCell at={session.last_activity_at} show="age" now={now} />
            <Td className="whitespace-nowrap text-right tabular-nums">{formatSessionTokens(session)}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {formatCost(session.estimated_cost_usd)}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
