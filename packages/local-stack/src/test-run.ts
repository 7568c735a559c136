import { randomBytes } from 'node:crypto'
import { createRedis } from '@mc/runtime'
import postgres from 'postgres'

/**
 * Every database and Redis key a test run creates carries its run id, so the run's teardown can
 * remove what a crashed or timed-out test file left behind, without touching a concurrent run's.
 */
export const databaseStem = (runId: string) => `mc_test_${runId}`
export const redisPrefixStem = (runId: string) => `mc-test-${runId}`

export const newTestRunId = () => randomBytes(4).toString('hex')

/** Drops the run's databases and deletes its Redis keys; what its files cleaned up is already gone. */
export async function removeTestRunLeftovers(
  runId: string,
  postgresAdminUrl: string,
  redisUrl: string,
): Promise<void> {
  const sql = postgres(postgresAdminUrl, { max: 1, onnotice: () => {} })
  try {
    const rows = await sql<{ datname: string }[]>`
      select datname from pg_database where starts_with(datname, ${`${databaseStem(runId)}_`})`
    for (const { datname } of rows) await sql`drop database if exists ${sql(datname)} with (force)`
  } finally {
    await sql.end({ timeout: 5 })
  }
  const redis = createRedis(redisUrl)
  try {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefixStem(runId)}-*`, 'COUNT', 1000)
      cursor = next
      if (keys.length > 0) await redis.unlink(...keys)
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
}
