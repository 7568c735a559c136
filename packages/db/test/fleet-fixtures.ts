import type { Database } from '../src/client.ts'
import { recordProbes } from '../src/queries/gateway-probes.ts'
import { gateways } from '../src/schema/gateways.ts'
import { onlineReading } from './probe-readings.ts'

const RESULTS = ['online', 'offline', 'timeout', 'error'] as const

/**
 * `count` gateways named `<prefix>-<i>`, each probed twice: online (so each has a latency), then
 * one in four still online and the rest offline, timed out or failed in turn. Their ids, in order.
 */
export async function seedProbedFleet(db: Database, count: number, prefix: string): Promise<number[]> {
  const rows = await db
    .insert(gateways)
    .values(
      Array.from({ length: count }, (_, i) => ({ name: `${prefix}-${i}`, host: '127.0.0.1', port: 18789 })),
    )
    .returning({ id: gateways.id })
  for (const round of [0, 1]) {
    await recordProbes(
      db,
      rows.map(({ id }, i) => ({
        gatewayId: id,
        reading: onlineReading({
          status: round === 0 ? 'online' : (RESULTS[i % RESULTS.length] ?? 'online'),
          latencyMs: 5 + (i % 200),
          sessionsCount: i % 5,
          agentsCount: i % 3,
        }),
      })),
      1,
    )
  }
  return rows.map(({ id }) => id)
}
