import { hostname } from 'node:os'
import { commonConfigShape, createRedis, loadConfig, WORKER_STALE_AFTER_S } from '@mc/runtime'
import { z } from 'zod'

/**
 * Container healthcheck: exits 0 when a worker on this host beat recently. Workers register as
 * `<hostname>:<pid>`, and the check runs in the same container under another pid.
 */
const { REDIS_URL, REDIS_PREFIX } = commonConfigShape
const env = loadConfig(z.object({ REDIS_URL, REDIS_PREFIX }))
const redis = createRedis(env.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 3000 })
try {
  const [seconds] = await redis.time()
  const members = await redis.zrangebyscore(
    `${env.REDIS_PREFIX}:workers`,
    Number(seconds) - WORKER_STALE_AFTER_S,
    '+inf',
  )
  const healthy = members.some((member) => member.startsWith(`${hostname()}:`))
  process.stdout.write(healthy ? 'worker healthy\n' : 'no fresh worker heartbeat from this host\n')
  process.exitCode = healthy ? 0 : 1
} catch (error) {
  process.stdout.write(`healthcheck failed: ${String(error)}\n`)
  process.exitCode = 1
} finally {
  redis.disconnect()
}
