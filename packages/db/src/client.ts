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
}

export function createDb(url: string, options: CreateDbOptions = {}): Database {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: {
      application_name: options.applicationName ?? 'mission-control',
      ...(options.synchronousCommit === false ? { synchronous_commit: 'off' } : {}),
    },
  })
  return drizzle(client, { schema, casing: 'snake_case' })
}

export async function closeDb(db: Database, timeoutS = 5): Promise<void> {
  await db.$client.end({ timeout: timeoutS })
}
