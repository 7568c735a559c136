import type { AuditEntry } from '@mc/shared'
import type { AuditFilters } from '../../../api/queries.ts'
import { Table, TableHead, Td, Tr } from '../../../components/Table.tsx'
import { isFailureAction } from '../../../lib/audit-actions.ts'
import { cx } from '../../../lib/class-names.ts'
import { formatAge, formatDateTime } from '../../../lib/time.ts'
import { useNowSeconds } from '../../../lib/use-now.ts'
import { AuditDetail } from './AuditDetail.tsx'

interface AuditTableProps {
  entries: AuditEntry[]
  /** Clicking an actor or an action shows only its entries. */
  onFilter: (filters: AuditFilters) => void
}

export function AuditTable({ entries, onFilter }: AuditTableProps) {
  const now = useNowSeconds()
  return (
    <Table aria-label="Audit log">
      <TableHead columns={['Time', 'Actor', 'Action', 'Target', 'IP', 'Detail']} />
      <tbody>
        {entries.map((entry) => (
          <Tr key={entry.id} data-action={entry.action} className="align-top">
            <Td
              className="whitespace-nowrap font-mono text-muted-foreground"
              title={formatAge(now - entry.at)}
            >
              {formatDateTime(entry.at)}
            </Td>
            <Td className="font-medium">
              <FilterLink label={entry.actor} onClick={() => onFilter({ actor: entry.actor })} />
            </Td>
            <Td
              className={cx('whitespace-nowrap font-mono', isFailureAction(entry.action) && 'text-red-400')}
            >
              <FilterLink label={entry.action} onClick={() => onFilter({ action: entry.action })} />
            </Td>
            <Td className="max-w-36 truncate" title={entry.target ?? undefined}>
              {entry.target ?? <span className="text-muted-foreground">—</span>}
            </Td>
            <Td className="whitespace-nowrap font-mono text-muted-foreground">{entry.ip ?? '—'}</Td>
            <Td>
              <AuditDetail detail={entry.detail} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}

function FilterLink({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      title={`Show only ${label}`}
      className="text-left underline-offset-2 hover:underline"
    >
      {label}
    </button>
  )
}
