import type { Agent } from '@mc/shared'
import { Link } from 'react-router'
import { StatusIcon } from '../../components/StatusIcon.tsx'
import { Table, TableHead, Td, Tr } from '../../components/Table.tsx'
import { TimeCell } from '../../components/TimeCell.tsx'
import { AGENT_STATUS_TONE } from '../../lib/agent-status.ts'
import { useNowSeconds } from '../../lib/use-now.ts'

const COLUMNS = [
  'Status',
  'Name',
  'Role',
  'Source',
  { label: 'Open connections', className: 'text-right' },
  'Last seen',
]

export function AgentsTable({ agents }: { agents: readonly Agent[] }) {
  const now = useNowSeconds(5000)
  return (
    <Table aria-label="Agents">
      <TableHead columns={COLUMNS} />
      <tbody>
        {agents.map((agent) => (
          <Tr key={agent.id} data-agent={agent.name} data-status={agent.status}>
            <Td className="whitespace-nowrap">
              <span className="inline-flex items-center gap-1.5 capitalize">
                <StatusIcon tone={AGENT_STATUS_TONE[agent.status]} />
                {agent.status}
              </span>
            </Td>
            <Td className="font-medium">
              <Link to={`/agents/${agent.id}`} className="hover:text-primary hover:underline">
                {agent.name}
              </Link>
            </Td>
            <Td className="text-muted-foreground">{agent.role}</Td>
            <Td className="text-muted-foreground">{agent.source}</Td>
            <Td className="text-right tabular-nums">{agent.open_connections}</Td>
            <TimeCell at={agent.last_seen} show="age" now={now} />
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
