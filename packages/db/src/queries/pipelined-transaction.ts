import type postgres from 'postgres'
import type { Database } from '../client.ts'

/**
 * Runs `statements` as one transaction in one round trip: BEGIN, the statements and COMMIT are
 * sent together on one connection and Postgres runs them in order, each statement with a snapshot
 * taken when it starts (so a later one sees what committed while an earlier one waited for a
 * lock). A transaction waiting for each statement's answer costs a round trip and a wake-up of
 * both processes per statement, which is what limited `POST /api/connect`.
 *
 * When a statement fails, the ones after it are refused and the COMMIT rolls back; the first
 * failure is thrown. Resolves with each statement's rows, in order.
 */
export async function pipelinedTransaction<Rows extends readonly postgres.Row[][]>(
  db: Database,
  statements: (sql: postgres.ReservedSql) => { [K in keyof Rows]: postgres.PendingQuery<Rows[K]> },
): Promise<Rows> {
  const sql = await db.$client.reserve()
  try {
    // Planned for each batch's own inputs: a prepared statement's generic plan, once cached while
    // the tables were small, went on reading every live connection per connect as the fleet grew.
    const prologue = [sql`begin`, sql`set local plan_cache_mode = force_custom_plan`]
    // Every answer is awaited before the connection goes back: it must leave the pool idle.
    const settled = await Promise.allSettled([...prologue, ...statements(sql), sql`commit`])
    const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected')
    if (failed) throw failed.reason
    return settled
      .slice(prologue.length, -1)
      .map((result) => (result as PromiseFulfilledResult<postgres.Row[]>).value) as unknown as Rows
  } finally {
    sql.release()
  }
}
