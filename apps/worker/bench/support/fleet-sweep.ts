import { createServer } from 'node:net'
import { type Database, listGatewayIdsInProbeOrder, schema } from '@mc/db'
import { bullPrefix, type ProbeGatewayJob, probeBatches, QUEUES, type TokenCipher } from '@mc/runtime'
import { Queue } from 'bullmq'
import { sql } from 'drizzle-orm'
import type { Redis } from 'ioredis'

export type GatewayKind = 'healthy' | 'refused' | 'blackholed'

/** What a sweep must find each kind of gateway to be. */
export const expectedStatus: Record<GatewayKind, string> = {
  healthy: 'online',
  refused: 'offline',
  blackholed: 'timeout',
}

/**
 * Ports nothing listens on, below Linux's ephemeral range (32768+): no other process's listener on
 * port 0 and no outgoing socket (which can connect to itself when its own port is the target) takes
 * them during the run.
 */
export async function closedPorts(count: number): Promise<number[]> {
  const ports: number[] = []
  for (let port = 21_000; ports.length < count; port++) {
    const server = createServer()
    const free = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false)).listen(port, '127.0.0.1', () => resolve(true))
    })
    if (free) {
      await new Promise((resolve) => server.close(resolve))
      ports.push(port)
    }
  }
  return ports
}

/** The bench's gateways, registered with their token; returns each one's kind by id. */
export async function registerFleet(
  db: Database,
  cipher: TokenCipher,
  token: string,
  fleet: readonly { kind: GatewayKind; port: number }[],
): Promise<Map<number, GatewayKind>> {
  const kindOf = new Map<number, GatewayKind>()
  // In slices: one insert of 10,000 rows would pass Postgres's limit of 65,535 parameters.
  for (let start = 0; start < fleet.length; start += 5000) {
    const slice = fleet.slice(start, start + 5000)
    const rows = await db
      .insert(schema.gateways)
      .values(
        slice.map((g, i) => ({
          name: `bench-${start + i}`,
          host: '127.0.0.1',
          port: g.port,
          token: cipher.encrypt(token),
        })),
      )
      .returning({ id: schema.gateways.id })
    for (const [i, row] of rows.entries()) kindOf.set(row.id, slice[i]?.kind ?? 'healthy')
  }
  return kindOf
}

/** The gateways whose status is not what their kind should show (logged, first 10). */
export async function wrongStatuses(db: Database, kindOf: Map<number, GatewayKind>, label: string) {
  const statuses = await db
    .select({ id: schema.gateways.id, status: schema.gateways.status })
    .from(schema.gateways)
  const wrong = statuses.filter((g) => g.status !== expectedStatus[kindOf.get(g.id) ?? 'healthy'])
  if (wrong.length > 0) console.log(`${label}: wrong statuses (first 10):`, wrong.slice(0, 10))
  return wrong.length
}

/**
 * Queues every registered gateway for a probe as the sweep job does on a tick (in its order: those
 * that timed out last time first); `sweep` resolves, with the time it started, once every one of
 * them has been probed since. It starts once the probe queue is idle, so that no earlier probes
 * (a worker's own tick at its start) run in the measured one.
 */
export function createFleetSweeper(db: Database, redis: Redis, prefix: string) {
  const queue = new Queue(QUEUES.probeGateway, { connection: redis, prefix: bullPrefix(prefix) })
  const sweepQueue = new Queue(QUEUES.probeSweep, { connection: redis, prefix: bullPrefix(prefix) })
  const busy = async () => {
    const counts = [
      await queue.getJobCounts('waiting', 'active', 'prioritized'),
      await sweepQueue.getJobCounts('waiting', 'active'),
    ]
    return counts.some((byState) => Object.values(byState).some((n) => n > 0))
  }
  return {
    async sweep(label: string): Promise<Date> {
      while (await busy()) await new Promise((r) => setTimeout(r, 50))
      const since = new Date()
      const ids = await listGatewayIdsInProbeOrder(db)
      await queue.addBulk(
        probeBatches(ids).map((batch, index) => ({
          name: 'scheduled',
          data: { gateway_ids: batch, reason: 'scheduled' } satisfies ProbeGatewayJob,
          opts: { jobId: `bench-${label}-${index}`, removeOnComplete: true },
        })),
      )
      for (;;) {
        const [done] = await db.execute<{ n: number }>(
          sql`select count(*)::int as n from gateways where last_probe_at >= ${since.toISOString()}`,
        )
        if ((done?.n ?? 0) >= ids.length) return since
        await new Promise((r) => setTimeout(r, 25))
      }
    },
    async close() {
      await queue.close()
      await sweepQueue.close()
    },
  }
}
