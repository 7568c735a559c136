import { recordWatcherStatus } from '@mc/db'
import { makeGateway } from '@mc/db/testing'
import { gatewayWatcherResponseSchema } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Call, callerWithRole } from '../../testing/alert-factories.ts'
import { useTestApp } from '../../testing/test-app.ts'

const t = useTestApp()
let viewer: Call

beforeAll(async () => {
  viewer = await callerWithRole(t, 'viewer')
})

const watcherOf = async (id: number) => {
  const res = await viewer('GET', `/api/gateways/${id}/watcher`)
  expect(res.status, res.text).toBe(200)
  return gatewayWatcherResponseSchema.parse(res.body).watcher
}

describe('GET /api/gateways/:id/watcher', () => {
  it('is null until a worker watches the gateway, then shows what its watcher does', async () => {
    const gw = await makeGateway(t.deps.db, 'watched')
    expect(await watcherOf(gw.id)).toBeNull()

    await recordWatcherStatus(t.deps.db, { gatewayId: gw.id, workerId: 'worker-a:1', status: 'connecting' })
    expect(await watcherOf(gw.id)).toMatchObject({
      worker_id: 'worker-a:1',
      status: 'connecting',
      error: null,
      throttled_since: null,
      loaded_at: null,
    })

    await recordWatcherStatus(t.deps.db, {
      gatewayId: gw.id,
      workerId: 'worker-a:1',
      status: 'watching',
      loaded: true,
      throttled: true,
    })
    const watching = await watcherOf(gw.id)
    expect(watching).toMatchObject({ status: 'watching', throttled_since: expect.any(Number) })
    expect(watching?.loaded_at).toEqual(expect.any(Number))

    await recordWatcherStatus(t.deps.db, {
      gatewayId: gw.id,
      workerId: 'worker-b:2',
      status: 'reconnecting',
      error: 'connection refused',
      throttled: false,
    })
    expect(await watcherOf(gw.id)).toMatchObject({
      worker_id: 'worker-b:2',
      status: 'reconnecting',
      error: 'connection refused',
      throttled_since: null,
    })
  })

  it('answers 404 for an unknown gateway and 400 for a bad id', async () => {
    const missing = await viewer('GET', '/api/gateways/2147483647/watcher')
    expect(missing.status).toBe(404)
    expect(missing.body).toEqual({ error: 'no gateway with id 2147483647' })
    expect((await viewer('GET', '/api/gateways/x/watcher')).status).toBe(400)
    expect((await t.app.request('/api/gateways/1/watcher')).status).toBe(401)
  })
})
