import type { ToolSummary } from '@mc/shared'
import { Link } from 'react-router'
import { Table, TableHead, Td, Tr } from '../../components/Table.tsx'
import type { ToolWindow } from '../../lib/insight-windows.ts'
import { failureRate, formatFailureRate, formatMs, toolPath } from '../../lib/tool-list.ts'
import { DegradingBadge } from './DegradingBadge.tsx'

const right = (label: string) => ({ label, className: 'text-right' })
const COLUMNS = [
  'Gateway',
  'Tool',
  right('Calls'),
  right('Failures'),
  right('Failure %'),
  right('p50'),
  right('p95'),
  right('Max'),
]

const NUMBER = 'whitespace-nowrap text-right tabular-nums'

/** One row per gateway × tool; the tool's name opens its trend on that gateway. */
export function ToolsTable({ tools, window }: { tools: readonly ToolSummary[]; window: ToolWindow }) {
  return (
    <Table aria-label="Tools">
      <TableHead columns={COLUMNS} />
      <tbody>
        {tools.map((tool) => (
          <Tr
            key={`${tool.gateway_id}:${tool.name}`}
            data-tool={tool.name}
            data-gateway={tool.gateway_name}
            data-degrading={tool.degrading}
          >
            <Td className="whitespace-nowrap">
              <Link to={`/gateways/${tool.gateway_id}`} className="hover:text-primary hover:underline">
                {tool.gateway_name}
              </Link>
            </Td>
            <Td className="whitespace-nowrap font-medium">
              <span className="inline-flex items-center gap-2">
                <Link
                  to={toolPath(tool.name, tool.gateway_id, window)}
                  className="font-mono hover:text-primary hover:underline"
                >
                  {tool.name}
                </Link>
                {tool.degrading && <DegradingBadge />}
              </span>
            </Td>
            <Td className={NUMBER}>{tool.calls.toLocaleString('en')}</Td>
            <Td className={NUMBER}>{tool.failures.toLocaleString('en')}</Td>
            <Td className={NUMBER}>{formatFailureRate(failureRate(tool))}</Td>
            <Td className={NUMBER}>{formatMs(tool.p50_ms)}</Td>
            <Td className={NUMBER}>{formatMs(tool.p95_ms)}</Td>
            <Td className={NUMBER}>{formatMs(tool.max_ms)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
