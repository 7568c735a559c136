import { createServer, type Socket } from 'node:net'
import { freePort } from '@mc/local-stack'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { closeDb, createDb, type Database } from './client.ts'
import { isDatabaseUnavailable } from './database-unavailable.ts'

const failureOf = (run: () => Promise<unknown>) =>
  run().then(
    () => {
      throw new Error('expected the query to fail')
    },
    (error: unknown) => error,
  )

describe('isDatabaseUnavailable, on real failures', () => {
  let db: Database
  beforeAll(() => {
    db = createDb(inject('postgresAdminUrl'), { max: 2, statementTimeoutMs: 200 })
  })
  afterAll(() => closeDb(db))

  it('is true for a refused connection, and fails at once', async () => {
    const nowhere = createDb(`postgres://postgres@127.0.0.1:${await freePort()}/postgres`, { max: 1 })
    const started = performance.now()
    const error = await failureOf(() => nowhere.execute(sql`select 1`))
    expect(performance.now() - started).toBeLessThan(2000)
    expect(isDatabaseUnavailable(error)).toBe(true)
    await closeDb(nowhere)
  })

  it('is true for a server that accepts but never answers, after the connect timeout', async () => {
    const sockets = new Set<Socket>()
    const silent = createServer((socket) => sockets.add(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const port = (silent.address() as { port: number }).port
    const hanging = createDb(`postgres://postgres@127.0.0.1:${port}/postgres`, {
      max: 1,
      connectTimeoutMs: 300,
    })
    try {
      const error = await failureOf(() => hanging.execute(sql`select 1`))
      expect((error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code).toBe(
        'CONNECT_TIMEOUT',
      )
      expect(isDatabaseUnavailable(error)).toBe(true)
    } finally {
      await closeDb(hanging, 0)
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => silent.close(resolve))
    }
  })

  it('is true for a statement that outlived the statement timeout (57014)', async () => {
    const error = await failureOf(() => db.execute(sql`select pg_sleep(2)`))
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it('is true when the server ends the session mid-statement, as a shutdown does', async () => {
    const victim = createDb(inject('postgresAdminUrl'), { max: 1 })
    try {
      const [self] = await victim.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`)
      const sleeping = failureOf(() => victim.execute(sql`select pg_sleep(10)`))
      await db.execute(sql`select pg_terminate_backend(${self?.pid ?? 0})`)
      expect(isDatabaseUnavailable(await sleeping)).toBe(true)
    } finally {
      await closeDb(victim, 0)
    }
  })

  it('is false for a statement Postgres refused, and for errors of our own', async () => {
    expect(isDatabaseUnavailable(await failureOf(() => db.execute(sql`select 1/0`)))).toBe(false)
    expect(isDatabaseUnavailable(await failureOf(() => db.execute(sql`select * from no_such_table`)))).toBe(
      false,
    )
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false)
    expect(isDatabaseUnavailable(undefined)).toBe(false)
  })
})
