import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { makeGateway } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { recordAuthFailures } from './auth-failure-writes.ts'

const t = useMigratedDatabase()
const minute = Math.floor(Date.now() / 60_000) * 60_000 - 5 * 60_000

describe('counting failed handshakes', () => {
  it('counts per minute, address and reason, adding to what a minute has', async () => {
    const gw = await makeGateway(t.db, 'auth-failures')
    const failure = (at: number, address = '10.0.0.7', reason = 'token_mismatch') => ({ at, address, reason })
    expect(
      await recordAuthFailures(t.db, gw.id, [
        failure(minute + 1000),
        failure(minute + 3000),
        failure(minute + 2000, '10.0.0.8'),
      ]),
    ).toBe(3)
    expect(await recordAuthFailures(t.db, gw.id, [failure(minute + 500), failure(minute + 61_000)])).toBe(2)
    const rows = await t.db.execute<Record<string, unknown>>(sql`
      select (extract(epoch from minute) * 1000)::bigint as minute, address, reason, count, (extract(epoch from last_at) * 1000)::bigint as last_at
      from gateway_auth_failures where gateway_id = ${gw.id} order by minute, address`)
    expect(rows).toEqual([
      {
        minute: String(minute),
        address: '10.0.0.7',
        reason: 'token_mismatch',
        count: 3,
        last_at: String(minute + 3000),
      },
      {
        minute: String(minute),
        address: '10.0.0.8',
        reason: 'token_mismatch',
        count: 1,
        last_at: String(minute + 2000),
      },
      {
        minute: String(minute + 60_000),
        address: '10.0.0.7',
        reason: 'token_mismatch',
        count: 1,
        last_at: String(minute + 61_000),
      },
    ])
  })
})
