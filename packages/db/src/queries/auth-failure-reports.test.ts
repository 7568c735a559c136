import { describe, expect, it } from 'vitest'
import { insertAuthFailures, makeGateway } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { authFailureReport, fleetAuthFailures } from './auth-failure-reports.ts'

const t = useMigratedDatabase()
let seq = 0
const gateway = () => makeGateway(t.db, `auth-${++seq}`)
const NOW = Math.floor(Date.now() / 60_000) * 60_000
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000 + 5_000)

describe('authFailureReport', () => {
  it('totals a gateway’s failures since a time, per address with its latest reason', async () => {
    const [gw, other] = [await gateway(), await gateway()]
    await insertAuthFailures(t.db, gw.id, [
      { address: '10.0.0.1', reason: 'token_missing', count: 2, lastAt: minutesAgo(50) },
      { address: '10.0.0.1', reason: 'token_mismatch', count: 3, lastAt: minutesAgo(10) },
      { address: '10.0.0.2', reason: 'token_mismatch', count: 1, lastAt: minutesAgo(5) },
      // Before the window.
      { address: '10.0.0.3', reason: 'token_mismatch', count: 40, lastAt: minutesAgo(120) },
    ])
    await insertAuthFailures(t.db, other.id, [
      { address: '10.0.0.1', reason: 'token_mismatch', count: 7, lastAt: minutesAgo(5) },
    ])
    expect(await authFailureReport(t.db, gw.id, minutesAgo(60))).toEqual({
      total: 6,
      byAddress: [
        { address: '10.0.0.1', count: 5, reason: 'token_mismatch', lastAt: minutesAgo(10) },
        { address: '10.0.0.2', count: 1, reason: 'token_mismatch', lastAt: minutesAgo(5) },
      ],
    })
    expect(await authFailureReport(t.db, gw.id, minutesAgo(1))).toEqual({ total: 0, byAddress: [] })
  })
})

describe('fleetAuthFailures', () => {
  it('totals every gateway’s failures since a time', async () => {
    const before = await fleetAuthFailures(t.db, minutesAgo(30))
    const [a, b] = [await gateway(), await gateway()]
    await insertAuthFailures(t.db, a.id, [
      { address: '10.1.0.1', reason: 'x', count: 4, lastAt: minutesAgo(20) },
    ])
    await insertAuthFailures(t.db, b.id, [
      { address: '10.1.0.2', reason: 'x', count: 2, lastAt: minutesAgo(3) },
      { address: '10.1.0.2', reason: 'x', count: 9, lastAt: minutesAgo(90) },
    ])
    expect((await fleetAuthFailures(t.db, minutesAgo(30))) - before).toBe(6)
  })
})
