import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { openConnection } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { retryOnConflict } from './retry-on-conflict.ts'

const t = useMigratedDatabase()

it('runs a transaction again when Postgres aborts it as a deadlock victim', async () => {
  const { agent: a } = await openConnection(t.db, 'deadlock-a')
  const { agent: b } = await openConnection(t.db, 'deadlock-b')
  // Both hold their first row before either asks for its second: a certain deadlock, once.
  const holding: (() => void)[] = []
  const bothHolding = Promise.all([0, 1].map((i) => new Promise<void>((resolve) => (holding[i] = resolve))))
  let attempts = 0
  const lockBoth = (i: number, first: number, second: number) =>
    retryOnConflict(() =>
      t.db.transaction(async (tx) => {
        attempts++
        await tx.execute(sql`select id from agents where id = ${first} for update`)
        holding[i]?.()
        await bothHolding
        await tx.execute(sql`select id from agents where id = ${second} for update`)
      }),
    )
  // Both commit; without a retry the victim's deadlock error would reject. Usually one retry does;
  // on a loaded machine the retry can lock its first row again before the survivor, woken but not
  // yet run, takes it (a freed row lock goes to whoever asks first), and they deadlock once more.
  await Promise.all([lockBoth(0, a.id, b.id), lockBoth(1, b.id, a.id)])
  expect(attempts).toBeGreaterThanOrEqual(3)
})

it('gives up on other errors at once', async () => {
  let attempts = 0
  const failing = retryOnConflict(async () => {
    attempts++
    await t.db.execute(sql`select 1 / 0`)
  })
  await expect(failing).rejects.toMatchObject({ cause: { code: '22012' } })
  expect(attempts).toBe(1)
})
