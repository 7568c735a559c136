import type { Database } from '@mc/db'
import { sql } from 'drizzle-orm'

/**
 * The queries the Overview and the gateway page ran before they read the rollups: every figure
 * recomputed from the raw probes. The bench times them on its data as the reference.
 */
export const rawUptimeReference = {
  /** Each gateway's share of online probes over the last 24 h. */
  overview: (db: Database) =>
    db.execute(sql`
      select g.id, g.name, u.uptime from gateways g left join (
        select gateway_id, 100.0 * count(*) filter (where status = 'online') / count(*) as uptime
        from gateway_probes where probed_at > now() - interval '24 hours' group by gateway_id
      ) u on u.gateway_id = g.id
      order by u.uptime asc nulls last, lower(g.name), g.id`),

  /** One gateway's uptime over 24 h / 7 d / 30 d and its latency percentiles over 24 h. */
  gateway: (db: Database, gatewayId: number) => {
    const share = (window: string) =>
      sql.raw(`100.0 * count(*) filter (where status = 'online' and probed_at > now() - interval '${window}')
        / nullif(count(*) filter (where probed_at > now() - interval '${window}'), 0)`)
    const dayOnline = sql.raw(`filter (where status = 'online' and probed_at > now() - interval '24 hours')`)
    return db.execute(sql`
      select ${share('24 hours')}, ${share('7 days')}, ${share('30 days')},
        percentile_cont(0.5) within group (order by latency) ${dayOnline},
        percentile_cont(0.95) within group (order by latency) ${dayOnline},
        percentile_cont(0.99) within group (order by latency) ${dayOnline},
        count(*) filter (where probed_at > now() - interval '24 hours')
      from gateway_probes where gateway_id = ${gatewayId} and probed_at > now() - interval '30 days'`)
  },
}
