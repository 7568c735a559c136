// Two real worker processes watch gateways between them; one is killed with SIGKILL (no chance to
// give anything up) and the other takes its gateways over by itself, within two probe intervals.
import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { eventually } from '@mc/testing'
import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { useWatchedGateways } from '../testing/watched-gateways.ts'
import { useWorkerContext } from '../testing/worker-context.ts'

const PROBE_INTERVAL_S = 5
const GATEWAYS = 20
const WORKER_MAIN = fileURLToPath(new URL('../main.ts', import.meta.url))
// Starting a process and taking over are waits on the machine, not on this test's logic.
const PATIENCE = { timeout: 60_000, interval: 200 }

const ctx = useWorkerContext({ PROBE_INTERVAL_S: String(PROBE_INTERVAL_S) })
const watched = useWatchedGateways(ctx)
const workers: ChildProcess[] = []
afterEach(() => {
  for (const worker of workers.splice(0)) worker.kill('SIGKILL')
})

function startWorkerProcess(workerId: string): ChildProcess {
  const worker = spawn(process.execPath, ['--import', 'tsx', WORKER_MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: ctx.config.DATABASE_URL,
      REDIS_URL: ctx.config.REDIS_URL,
      REDIS_PREFIX: ctx.config.REDIS_PREFIX,
      MC_SECRET_KEY: ctx.config.MC_SECRET_KEY,
      PROBE_INTERVAL_S: String(PROBE_INTERVAL_S),
      WORKER_ID: workerId,
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  workers.push(worker)
  return worker
}

/** Which worker's watcher has each gateway's sessions loaded, by gateway id. */
async function watchingWorkers(): Promise<Map<number, string>> {
  const rows = await ctx.db.execute<{ gateway_id: number; worker_id: string }>(
    sql`select gateway_id, worker_id from gateway_watchers where status = 'watching'`,
  )
  return new Map(rows.map((row) => [row.gateway_id, row.worker_id]))
}

describe('watchers over worker processes', () => {
  it('splits the gateways between two workers, and one takes all over when the other is killed', {
    timeout: 180_000,
  }, async () => {
    const fake = await watched.fake()
    for (let i = 0; i < GATEWAYS; i++) await watched.gateway(`killed-${i}`, fake)
    startWorkerProcess('worker-a')
    const b = startWorkerProcess('worker-b')

    await eventually(async () => {
      const owners = await watchingWorkers()
      expect(owners.size).toBe(GATEWAYS)
      expect(new Set(owners.values())).toEqual(new Set(['worker-a', 'worker-b']))
      // One watcher connection per gateway (a probe's connection comes and goes).
      expect(fake.connectionCount).toBeGreaterThanOrEqual(GATEWAYS)
    }, PATIENCE)

    const exited = new Promise((resolve) => b.once('exit', resolve))
    b.kill('SIGKILL')
    await exited
    await eventually(async () => {
      const owners = await watchingWorkers()
      expect(owners.size).toBe(GATEWAYS)
      expect(new Set(owners.values())).toEqual(new Set(['worker-a']))
    }, PATIENCE)
    // A session made now reaches the store through the survivor's watchers.
    const { key } = fake.createSession({ label: 'after-the-kill' })
    await eventually(async () => {
      const rows = await ctx.db.execute<{ n: number }>(
        sql`select count(*)::int as n from gateway_sessions where session_key = ${key} and state = 'ready'`,
      )
      expect(rows[0]?.n).toBe(GATEWAYS)
    }, PATIENCE)
  })
})
