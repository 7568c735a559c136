import { decideFailover, recordProbe } from '@mc/db'
import { failedReading, onlineReading } from '@mc/db/testing'
import { failoversResponseSchema } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Call, callerWithRole } from '../../testing/alert-factories.ts'
import { makePrimary, makeStandby } from '../../testing/failover-factories.ts'
import { useTestApp } from '../../testing/test-app.ts'

const t = useTestApp()
let viewer: Call
/** Every move, oldest first, as `from→to kind`. */
const moves: string[] = []

beforeAll(async () => {
  const admin = await callerWithRole(t, 'admin')
  viewer = await callerWithRole(t, 'viewer')
  // Three moves by hand between alpha and bravo (both probed online)…
  const alpha = await makePrimary(t.deps.db, 'alpha')
  await recordProbe(t.deps.db, alpha.id, onlineReading(), 1)
  const bravo = await makeStandby(t.deps.db, { name: 'bravo' })
  for (const to of [bravo, alpha, bravo]) {
    const { status, text } = await admin('POST', '/api/gateways/failover', { to_id: to.id })
    expect(status, text).toBe(200)
  }
  moves.push('alpha→bravo manual', 'bravo→alpha manual', 'alpha→bravo manual')
  // …then a new primary dies while no standby's probe is fresh: recorded, nothing moves.
  const doomed = await makePrimary(t.deps.db, 'doomed')
  for (let i = 0; i < 3; i++) await recordProbe(t.deps.db, doomed.id, failedReading('offline', 'refused'), 1)
  const policy = { failoverAfter: 3, cooldownS: 600, failbackAfter: 0, freshS: 0 }
  expect(await decideFailover(t.deps.db, policy)).not.toBeNull()
  moves.push('doomed→null no_candidate')
})

const list = async (query = '') => {
  const { status, body, text } = await viewer('GET', `/api/gateways/failovers${query}`)
  expect(status, text).toBe(200)
  return failoversResponseSchema.parse(body).failovers
}

describe('GET /api/gateways/failovers', () => {
  it('lists the moves newest first, including failovers that found no standby', async () => {
    const all = await list()
    expect(all.map((f) => `${f.from_name}→${f.to_name} ${f.kind}`)).toEqual([...moves].reverse())
    expect(all[0]).toMatchObject({ to_id: null, automatic: true, actor: 'system' })
    expect(all[0]?.reason).toContain('no standby is online and freshly probed')
    expect(all[1]).toMatchObject({ automatic: false, actor: expect.stringMatching(/^user:/) })
  })

  it('takes at most `limit` (1–200, 20 by default), refusing anything else with 400', async () => {
    expect((await list('?limit=2')).map((f) => f.kind)).toEqual(['no_candidate', 'manual'])
    expect(await list('?limit=200')).toHaveLength(moves.length)
    for (const query of ['limit=0', 'limit=201', 'limit=two', 'limit=1.5', 'before=3']) {
      const { status, body } = await viewer('GET', `/api/gateways/failovers?${query}`)
      expect(status, query).toBe(400)
      expect(body, query).toMatchObject({ error: 'invalid query', details: [expect.any(Object)] })
    }
  })
})
