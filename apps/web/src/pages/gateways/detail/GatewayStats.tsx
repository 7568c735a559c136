import type { GatewayDetailResponse } from '@mc/shared'
import { Stat } from '../../../components/Stat.tsx'
import { HIGH_LATENCY_MS } from '../../../lib/gateway-warnings.ts'
import { formatMs, formatUptime, uptimeClass } from '../../../lib/uptime-format.ts'

const WINDOWS = [
  { key: '24h', label: 'Uptime 24 h' },
  { key: '7d', label: 'Uptime 7 d' },
  { key: '30d', label: 'Uptime 30 d' },
] as const

const PERCENTILES = [
  { key: 'p50', label: 'Latency p50' },
  { key: 'p95', label: 'Latency p95' },
  { key: 'p99', label: 'Latency p99' },
] as const

/** Uptime over three windows and latency percentiles of successful probes. */
export function GatewayStats({ detail }: { detail: GatewayDetailResponse }) {
  return (
    <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
      {WINDOWS.map(({ key, label }) => {
        const percent = detail.uptime[key]
        return (
          <Stat
            key={key}
            id={`uptime-${key}`}
            label={label}
            value={formatUptime(percent)}
            valueClassName={uptimeClass(percent)}
            hint={
              key === '24h'
                ? `${detail.probes_24h} ${detail.probes_24h === 1 ? 'probe' : 'probes'}`
                : percent === null
                  ? 'no probes yet'
                  : 'share of online probes'
            }
          />
        )
      })}
      {PERCENTILES.map(({ key, label }) => {
        const ms = detail.latency_ms[key]
        return (
          <Stat
            key={key}
            id={`latency-${key}`}
            label={label}
            value={formatMs(ms)}
            valueClassName={ms !== null && ms > HIGH_LATENCY_MS ? 'text-amber-400' : undefined}
            hint="online probes, 24 h"
          />
        )
      })}
    </div>
  )
}
