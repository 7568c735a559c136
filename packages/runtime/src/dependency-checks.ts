import { Redis } from 'ioredis'
import postgres from 'postgres'
import { redactUrl } from './redact.ts'
import { StartupError } from './startup-error.ts'

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0])
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message
  }
  return String(error)
}

/** Connects once and runs `select 1`; throws a StartupError that says where and why it failed. */
export async function assertPostgresReachable(url: string, timeoutS = 5): Promise<void> {
  const sql = postgres(url, { max: 1, connect_timeout: timeoutS, onnotice: () => {} })
  try {
    await sql`select 1`
  } catch (error) {
    throw new StartupError(`cannot reach Postgres at ${redactUrl(url)}: ${describe(error)}`)
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {})
  }
}

/** Connects once and sends PING, without ioredis' endless retries; throws a StartupError on failure. */
export async function assertRedisReachable(url: string, timeoutMs = 5000): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  })
  // ioredis rejects connect() with a bare "Connection is closed"; the 'error' event says why.
  let cause: unknown
  redis.on('error', (error) => {
    cause ??= error
  })
  try {
    await redis.connect()
    await redis.ping()
  } catch (error) {
    throw new StartupError(`cannot reach Redis at ${redactUrl(url)}: ${describe(cause ?? error)}`)
  } finally {
    redis.disconnect()
  }
}
