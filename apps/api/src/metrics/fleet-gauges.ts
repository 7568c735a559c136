import { connectionCountsByStatus, type Database, type GatewayMetricRow, gatewayMetricRows } from '@mc/db'
import { GATEWAY_STATUSES } from '@mc/shared'
import type { Registry } from 'prom-client'
import { ScrapedGauge } from './scraped-gauge.ts'

/**
 * One load shared by every gauge of a scrape: the registry asks all collectors at once, so the first
 * starts the query and the others join it; the next scrape queries again.
 */
function perScrape<T>(load: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined
  return () => {
    inFlight ??= load().finally(() => {
      inFlight = undefined
    })
    return inFlight
  }
}

/**
 * The fleet as Postgres has it, read at scrape time: any api replica shows the same values, and
 * they never lag the database. Per gateway, labelled by its (unique) name and, for the status, by
 * the fixed set of statuses only, so series grow with the fleet and nothing else.
 */
export function registerFleetGauges(registry: Registry, db: Database): void {
  const rows = perScrape(() => gatewayMetricRows(db))
  const registers = [registry]
  /** One series per gateway, from its row; none for a gateway without a value yet. */
  const perGateway = (name: string, help: string, read: (row: GatewayMetricRow) => number | null) =>
    new ScrapedGauge({ name, help, labelNames: ['name'], registers }, async () =>
      (await rows()).flatMap((row) => {
        const value = read(row)
        return value === null ? [] : [{ labels: { name: row.name }, value }]
      }),
    )

  perGateway('mc_gateway_up', '1 while the gateway is online, else 0', (row) =>
    row.status === 'online' ? 1 : 0,
  )
  perGateway('mc_gateway_latency_ms', 'Handshake latency of the last online probe, ms', (row) => row.latency)
  perGateway('mc_gateway_sessions', 'Sessions the gateway last reported', (row) => row.sessionsCount)
  perGateway('mc_gateway_agents', 'Agents the gateway last reported', (row) => row.agentsCount)
  perGateway(
    'mc_gateway_last_probe_age_seconds',
    'Seconds since the last probe of the gateway',
    (row) => row.lastProbeAgeS,
  )
  new ScrapedGauge(
    {
      name: 'mc_gateway_status',
      help: 'The gateway status, one series per status: 1 for the current one, 0 for the others',
      labelNames: ['name', 'status'],
      registers,
    },
    async () =>
      (await rows()).flatMap((row) =>
        GATEWAY_STATUSES.map((status) => ({
          labels: { name: row.name, status },
          value: row.status === status ? 1 : 0,
        })),
      ),
  )
  new ScrapedGauge(
    { name: 'mc_connections', help: 'CLI agent connections by status', labelNames: ['status'], registers },
    async () =>
      Object.entries(await connectionCountsByStatus(db)).map(([status, value]) => ({
        labels: { status },
        value,
      })),
  )
}
