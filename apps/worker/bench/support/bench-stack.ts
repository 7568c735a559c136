import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeDb, createDb } from '@mc/db'
import { databaseStem, ensureTestServices, redisPrefixStem } from '@mc/local-stack'
import { type FakeFleetOptions, startFakeFleet } from '@mc/openclaw/fake'
import { createRedis, createTokenCipher } from '@mc/runtime'
import { createScratchDatabase } from '@mc/testing/scratch-database'
import { startBenchWorker } from './bench-worker.ts'
import { startWebhookReceiver } from './webhook-alerting.ts'

/**
 * What a worker bench runs on: the run's Postgres and Redis, a scratch database, a Redis prefix
 * named `name` for the run (`stop()` removes its keys, even after a failure), the secret key its
 * worker process shares with the bench, fake gateways in a process of their own, and a webhook
 * receiver in this process for its alerts.
 */
export async function startBenchStack(name: string, fakes: FakeFleetOptions) {
  const services = await ensureTestServices()
  const scratch = await createScratchDatabase(services.postgresAdminUrl, databaseStem(services.runId))
  const db = createDb(scratch.url, { max: 4 })
  const prefix = `${redisPrefixStem(services.runId)}-${name}`
  const secretKey = randomBytes(32).toString('base64')
  const cipher = createTokenCipher(secretKey)
  const redis = createRedis(services.redisUrl)
  const fleet = await startFakeFleet(fakes)
  const receiver = await startWebhookReceiver(db, cipher)
  const workers: ChildProcess[] = []
  return {
    db,
    cipher,
    redis,
    prefix,
    fleet,
    receiver,
    /**
     * A built worker process on this stack, with the bench's own settings; each call starts one
     * more (they share the queues, as replicas do). `stop()` ends them all.
     */
    startWorker: async (env: Record<string, string>): Promise<ChildProcess> => {
      const worker = await startBenchWorker({
        dbUrl: scratch.url,
        redisUrl: services.redisUrl,
        prefix,
        secretKey,
        redis,
        env,
      })
      workers.push(worker)
      return worker
    },
    async stop() {
      for (const worker of workers) worker.kill('SIGTERM')
      await receiver.close()
      await fleet.stop()
      redis.disconnect()
      await closeDb(db)
      await scratch.drop()
      await services.stop()
    },
  }
}
