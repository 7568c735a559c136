import type { UsageGroupRow } from '@mc/shared'
import { Link } from 'react-router'
import { Table, TableHead, Td, Tr } from '../../components/Table.tsx'
import { formatTokens } from '../../lib/token-usage.ts'
import { formatUsd } from '../../lib/usage-series.ts'

const right = (label: string) => ({ label, className: 'text-right' })
const NUMBER = 'whitespace-nowrap text-right tabular-nums'

/** Each group's tokens and estimated cost over the window, the costliest first. */
export function UsageGroupsTable({ groups }: { groups: readonly UsageGroupRow[] }) {
  const rows = [...groups].sort((a, b) => b.cost_usd - a.cost_usd || a.key.localeCompare(b.key))
  return (
    <Table aria-label="Usage by group">
      <TableHead
        columns={['Group', right('Input tokens'), right('Output tokens'), right('Estimated cost')]}
      />
      <tbody>
        {rows.map((group) => (
          <Tr key={group.key} data-group={group.key}>
            <Td className="whitespace-nowrap font-medium">
              {group.gateway_id === undefined ? (
                group.key
              ) : (
                <Link to={`/gateways/${group.gateway_id}`} className="hover:text-primary hover:underline">
                  {group.key}
                </Link>
              )}
            </Td>
            <Td className={NUMBER}>{formatTokens(group.input_tokens)}</Td>
            <Td className={NUMBER}>{formatTokens(group.output_tokens)}</Td>
            <Td className={NUMBER}>{formatUsd(group.cost_usd)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
