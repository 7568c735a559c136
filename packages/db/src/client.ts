import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema/index.ts'

export type Database = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql }

export interface CreateDbOptions {
  /** Pool size. The api and the worker each get their own pool. */
  max?: number
  /** Tag for `application_name`, so `pg_stat_activity` shows who holds a connection. */
  applicationName?: string
  /**
   * `false` lets commits return before their WAL reaches disk: for high-rate, low-value writes
   * (heartbeats) whose last fraction of a second may be lost if Postgres itself crashes.
   */
  synchronousCommit?: boolean
  /**
   * Prepared statements are planned for each run's own parameters, never from a generic plan
   * cached when the tables were small (`plan_cache_mode = force_custom_plan`).
   */
  customPlans?: boolean
  /** A connection not open after this long fails its queries (postgres.js waits 30 s by default). */
  connectTimeoutMs?: number
  /** Postgres cancels a statement that runs longer (SQLSTATE 57014); unset, none is. */
  statementTimeoutMs?: number
}

/**
 * Seconds to wait before the next connection attempt after `retries` failed ones. postgres.js's own
 * backoff grows to 20 s and queries wait it out, so during an outage requests hung for many seconds
 * and recovered that long after Postgres was back. Attempts against a refused port cost nothing.
 */
const reconnectBackoffS = (retries: number) => Math.min(0.05 * 2 ** retries, 0.25)

export function createDb(url: string, options: CreateDbOptions = {}): Database {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    backoff: reconnectBackoffS,
    ...(options.connectTimeoutMs ? { connect_timeout: options.connectTimeoutMs / 1000 } : {}),
    connection: {
      application_name: options.applicationName ?? 'mission-control',
      ...(options.synchronousCommit === false ? { synchronous_commit: 'off' } : {}),
      ...(options.customPlans ? { plan_cache_mode: 'force_custom_plan' } : {}),
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    },
  })
  return drizzle(client, { schema, casing: 'snake_case' })
}

export async function closeDb(db: Database, timeoutS = 5): Promise<void> {
  await db.$client.end({ timeout: timeoutS })
}
