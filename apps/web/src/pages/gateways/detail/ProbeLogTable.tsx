import type { Probe } from '@mc/shared'
import { StatusIcon } from '../../../components/StatusIcon.tsx'
import { Table, TableHead, Td, Tr } from '../../../components/Table.tsx'
import { cx } from '../../../lib/class-names.ts'
import { GATEWAY_STATUS_TEXT, GATEWAY_STATUS_TONE } from '../../../lib/gateway-status.ts'
import { latencyWarning } from '../../../lib/gateway-warnings.ts'
import { formatDateTime } from '../../../lib/time.ts'

const COLUMNS = ['Time', 'Status', 'Latency', 'Version', 'Sessions', 'Agents', 'Error']

/** Probes as rows: when, what it found, and why it failed. */
export function ProbeLogTable({ probes }: { probes: readonly Probe[] }) {
  return (
    <Table aria-label="Probe history">
      <TableHead columns={COLUMNS} />
      <tbody>
        {probes.map((probe) => (
          <Tr key={probe.id} data-probe-status={probe.status}>
            <Td className="whitespace-nowrap font-mono text-muted-foreground">
              {formatDateTime(probe.probed_at)}
            </Td>
            <Td className="whitespace-nowrap">
              <span className="inline-flex items-center gap-1.5">
                <StatusIcon tone={GATEWAY_STATUS_TONE[probe.status]} />
                <span className={GATEWAY_STATUS_TEXT[probe.status]}>{probe.status}</span>
              </span>
            </Td>
            <Td
              className={cx(
                'whitespace-nowrap tabular-nums',
                latencyWarning(probe.latency) && 'text-amber-400',
              )}
            >
              {probe.latency === null ? '—' : `${probe.latency} ms`}
            </Td>
            <Td className="whitespace-nowrap text-muted-foreground">{probe.version ?? '—'}</Td>
            <Td className="tabular-nums">{probe.sessions_count ?? '—'}</Td>
            <Td className="tabular-nums">{probe.agents_count ?? '—'}</Td>
            <Td
              className="max-w-xs truncate font-mono text-muted-foreground"
              title={probe.error ?? undefined}
            >
              {probe.error ?? ''}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
