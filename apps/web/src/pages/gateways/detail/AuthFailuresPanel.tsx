import { useAuthFailures } from '../../../api/gateway-insights.ts'
import { Panel } from '../../../components/Panel.tsx'
import { QueryView } from '../../../components/QueryView.tsx'
import { Table, TableHead, Td, Tr } from '../../../components/Table.tsx'
import { TimeCell } from '../../../components/TimeCell.tsx'
import { useNowSeconds } from '../../../lib/use-now.ts'

const COLUMNS = ['Address', { label: 'Failures', className: 'text-right' }, 'Latest reason', 'Last']

/** Failed handshakes the gateway logged in the last 24 hours, per remote address, the most first. */
export function AuthFailuresPanel({ gatewayId }: { gatewayId: number }) {
  const failures = useAuthFailures(gatewayId)
  const now = useNowSeconds()
  return (
    <Panel
      id="auth-failures-heading"
      title="Authentication failures (24 h)"
      description="Connections the gateway refused for a wrong or missing token, read from its log"
      badge={
        failures.data && (
          <span data-testid="auth-failures-total" className="font-semibold text-sm tabular-nums">
            {failures.data.total.toLocaleString('en')}
          </span>
        )
      }
    >
      <QueryView
        query={failures}
        errorTitle="Could not load the authentication failures"
        isEmpty={(data) => data.by_address.length === 0}
        empty={<p className="text-muted-foreground text-xs">No failed handshake in the last 24 hours.</p>}
      >
        {(data) => (
          <Table aria-label="Authentication failures by address">
            <TableHead columns={COLUMNS} />
            <tbody>
              {[...data.by_address]
                .sort((a, b) => b.count - a.count || b.last_at - a.last_at)
                .map((row) => (
                  <Tr key={row.address} data-address={row.address}>
                    <Td className="whitespace-nowrap font-mono">{row.address}</Td>
                    <Td className="whitespace-nowrap text-right tabular-nums">
                      {row.count.toLocaleString('en')}
                    </Td>
                    <Td className="whitespace-nowrap font-mono text-muted-foreground">{row.reason}</Td>
                    <TimeCell at={row.last_at} show="age" now={now} />
                  </Tr>
                ))}
            </tbody>
          </Table>
        )}
      </QueryView>
    </Panel>
  )
}
