import { describe, expect, it } from 'vitest'
import { insertToolCalls, makeGateway } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { degradingTools, MIN_RECENT_TOOL_CALLS } from './tool-degradation.ts'

const t = useMigratedDatabase()
let seq = 0
const gateway = () => makeGateway(t.db, `degradation-${++seq}`)
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000)
const calls = (count: number, minutes: number, durationMs: number) =>
  Array.from({ length: count }, () => ({ endedAt: minutesAgo(minutes), durationMs }))
/** Two days of 100 ms calls: the baseline. */
const baseline = () => calls(20, 2 * 24 * 60, 100)

describe('degradingTools', () => {
  it('flags a tool whose last hour is at least twice as slow as its 7 days, not a steady one', async () => {
    const gw = await gateway()
    const slow = await insertToolCalls(t.db, gw.id, 'exec', [...baseline(), ...calls(4, 10, 400)])
    const steady = await insertToolCalls(t.db, gw.id, 'read', [...baseline(), ...calls(4, 10, 150)])
    const rows = await degradingTools(t.db, { gatewayIds: [gw.id] })
    expect(rows).toEqual([
      {
        toolId: slow,
        gatewayId: gw.id,
        name: 'exec',
        recentCalls: 4,
        recentP95Ms: 400,
        baselineP95Ms: 100,
      },
    ])
    expect(rows.map((row) => row.toolId)).not.toContain(steady)
  })

  it('needs a few calls in the last hour and a baseline older than it', async () => {
    const gw = await gateway()
    await insertToolCalls(t.db, gw.id, 'few', [...baseline(), ...calls(MIN_RECENT_TOOL_CALLS - 1, 5, 5000)])
    // First seen this hour: every call is recent, nothing to compare with.
    await insertToolCalls(t.db, gw.id, 'new', calls(10, 5, 5000))
    // Fewer calls before this hour than in it: too thin a baseline.
    await insertToolCalls(t.db, gw.id, 'thin', [...calls(4, 3 * 60, 10), ...calls(5, 5, 5000)])
    // Slow long ago only: older than 7 days is no baseline either.
    await insertToolCalls(t.db, gw.id, 'stale', [...calls(20, 8 * 24 * 60, 10), ...calls(5, 5, 5000)])
    expect(await degradingTools(t.db, { gatewayIds: [gw.id] })).toEqual([])
    await insertToolCalls(t.db, gw.id, 'few', calls(1, 5, 5000))
    expect((await degradingTools(t.db, { gatewayIds: [gw.id] })).map((row) => row.name)).toEqual(['few'])
  })

  it('reads only the tools or gateways asked for', async () => {
    const [a, b] = [await gateway(), await gateway()]
    const onA = await insertToolCalls(t.db, a.id, 'exec', [...baseline(), ...calls(4, 10, 900)])
    const onB = await insertToolCalls(t.db, b.id, 'exec', [...baseline(), ...calls(4, 10, 900)])
    expect((await degradingTools(t.db, { toolIds: [onB] })).map((row) => row.toolId)).toEqual([onB])
    expect((await degradingTools(t.db, { gatewayIds: [a.id] })).map((row) => row.toolId)).toEqual([onA])
    expect(await degradingTools(t.db, { toolIds: [onA], gatewayIds: [b.id] })).toEqual([])
    expect(await degradingTools(t.db, { toolIds: [] })).toEqual([])
    const all = (await degradingTools(t.db, {})).map((row) => row.toolId)
    expect(all).toEqual(expect.arrayContaining([onA, onB]))
  })
})
