import type { ToolFailure } from '@mc/shared'
import { Link } from 'react-router'
import { Table, TableHead, Td, Tr } from '../../../components/Table.tsx'
import { formatDateTime } from '../../../lib/time.ts'
import { formatMs } from '../../../lib/tool-list.ts'

const COLUMNS = [
  'Time',
  'Gateway',
  'Session',
  'Error',
  { label: 'Exit code', className: 'text-right' },
  {
    label: 'Took',
    className: 'text-right',
  },
]

/** The latest failed calls, newest first: when, where, and what the tool said. */
export function ToolFailuresTable({ failures }: { failures: readonly ToolFailure[] }) {
  return (
    <Table aria-label="Latest failures">
      <TableHead columns={COLUMNS} />
      <tbody>
        {failures.map((failure, index) => (
          // A failure has no id of its own: its place in the newest-first list is stable for one answer.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Tr key={index} data-failure={failure.exit_code ?? ''}>
            <Td className="whitespace-nowrap text-muted-foreground tabular-nums">
              {formatDateTime(failure.ended_at)}
            </Td>
            <Td className="whitespace-nowrap">
              <Link to={`/gateways/${failure.gateway_id}`} className="hover:text-primary hover:underline">
                {failure.gateway_name}
              </Link>
            </Td>
            <Td
              className="max-w-48 truncate font-mono text-muted-foreground"
              title={failure.session_key ?? undefined}
            >
              {failure.session_key ?? '—'}
            </Td>
            <Td className="max-w-96 break-words font-mono text-2xs">{failure.error ?? '—'}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{failure.exit_code ?? '—'}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{formatMs(failure.duration_ms)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
