import { schema } from '@mc/db'
import { useTestDatabase } from '@mc/testing'
import type { Job } from 'bullmq'
import { describe, expect, it } from 'vitest'
import { pruneExpiredSignIns } from './prune-expired-sign-ins.ts'

const database = useTestDatabase()

describe('prune-expired-sign-ins job', () => {
  it('deletes only sign-ins whose expiry has passed', async () => {
    const { db } = database
    const [user] = await db
      .insert(schema.users)
      .values({ username: 'alice', passwordHash: 'x', role: 'admin' })
      .returning()
    if (!user) throw new Error('no user')
    const hour = 3600_000
    await db.insert(schema.signIns).values([
      { userId: user.id, tokenHash: 'expired', expiresAt: new Date(Date.now() - hour) },
      { userId: user.id, tokenHash: 'live', expiresAt: new Date(Date.now() + hour) },
    ])
    const result = await pruneExpiredSignIns({ db }).process({ data: {} } as Job)
    expect(result).toEqual({ deleted: 1 })
    const left = await db.select({ tokenHash: schema.signIns.tokenHash }).from(schema.signIns)
    expect(left).toEqual([{ tokenHash: 'live' }])
  })

  it('is scheduled hourly', () => {
    expect(pruneExpiredSignIns({ db: database.db }).every?.ms).toBe(3600_000)
  })
})
