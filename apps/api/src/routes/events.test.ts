import { eventLogKey, publishEvent } from '@mc/runtime'
import { type McEvent, mcEventSchema } from '@mc/shared'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { compareLogIds, eventSubscriberName } from '../events/event-hub.ts'
import { makeApiKey } from '../testing/factories.ts'
import { readSse } from '../testing/sse-reader.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp({ EVENTS_KEEPALIVE_S: '1' })
let viewer: Record<string, string>
let admin: Record<string, string>
const open: ReturnType<typeof readSse>[] = []

beforeAll(async () => {
  viewer = { 'x-api-key': (await makeApiKey(t.deps.db, 'viewer')).key }
  admin = { 'x-api-key': (await makeApiKey(t.deps.db, 'admin')).key }
})
afterEach(async () => {
  await Promise.all(open.splice(0).map((stream) => stream.close()))
})

async function subscribe(headers: Record<string, string> = {}) {
  const res = await t.app.request('/api/events', { headers: { ...viewer, ...headers } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('text/event-stream')
  const stream = readSse(res)
  open.push(stream)
  return stream
}

let seq = 0
const heartbeat = (): McEvent => ({
  type: 'connection.heartbeat',
  connection_id: `conn-${++seq}`,
  agent_id: seq,
  reason: null,
  at: 1_763_700_000,
})
const publish = (event: McEvent) => publishEvent(t.deps.redis, t.deps.config.REDIS_PREFIX, event)
const payload = (data: string | undefined) => mcEventSchema.parse(JSON.parse(data ?? 'null'))

describe('GET /api/events', () => {
  it('opens with retry and ready, then relays what any process publishes, with its log id', async () => {
    const stream = await subscribe()
    expect((await stream.next()).retry).toBe(3000)
    await stream.nextEvent('ready')
    const event = heartbeat()
    const id = await publish(event)
    const frame = await stream.nextEvent()
    expect(frame).toMatchObject({ id, event: 'connection.heartbeat' })
    expect(payload(frame.data)).toEqual(event)
  })

  it('resumes after a drop: replays exactly what was missed, in order, then goes on live', async () => {
    const first = await subscribe()
    await first.nextEvent('ready')
    const seen = heartbeat()
    const seenId = await publish(seen)
    expect((await first.nextEvent()).id).toBe(seenId)
    await first.close()

    const missed = [heartbeat(), heartbeat(), heartbeat()]
    const missedIds: string[] = []
    for (const event of missed) missedIds.push(await publish(event))

    const resumed = await subscribe({ 'last-event-id': seenId })
    for (const [i, event] of missed.entries()) {
      const frame = await resumed.nextEvent()
      expect(frame.id).toBe(missedIds[i])
      expect(payload(frame.data)).toEqual(event)
    }
    expect((await resumed.nextEvent()).event).toBe('ready')
    const live = heartbeat()
    const liveId = await publish(live)
    expect((await resumed.nextEvent()).id).toBe(liveId)
  })

  it('tells a browser that was away longer than the log reaches to reload (resync)', async () => {
    await publish(heartbeat())
    const stream = await subscribe({ 'last-event-id': '1-0' })
    const frame = await stream.nextEvent()
    expect(frame.event).toBe('resync')
    expect(frame.id).toMatch(/^\d+-\d+$/)
  })

  it('delivers a burst of 1,000 events completely and in order', async () => {
    const stream = await subscribe()
    await stream.nextEvent('ready')
    const ids = await Promise.all(Array.from({ length: 1000 }, () => publish(heartbeat())))
    const received: string[] = []
    while (received.length < 1000) received.push((await stream.nextEvent('connection.heartbeat')).id ?? '')
    expect(received).toEqual([...ids].sort(compareLogIds))
  })

  it('sends keep-alive comments while nothing happens', async () => {
    const stream = await subscribe()
    await stream.nextEvent('ready')
    for (;;) {
      const frame = await stream.next()
      if (frame.comments.includes('keep-alive')) break
    }
  })

  it('tells streams to reload when the subscription dropped and came back (events may be lost)', async () => {
    const stream = await subscribe()
    await stream.nextEvent('ready')
    const clients = (await t.deps.redis.client('LIST')) as string
    const name = eventSubscriberName(t.deps.config.REDIS_PREFIX)
    const line = clients.split('\n').find((l) => l.includes(` name=${name} `))
    const id = /\bid=(\d+)/.exec(line ?? '')?.[1]
    expect(id).toBeDefined()
    await t.deps.redis.client('KILL', 'ID', String(id))
    expect((await stream.nextEvent()).event).toBe('resync')
    // And it is live again afterwards.
    const after = await publish(heartbeat())
    expect((await stream.nextEvent('connection.heartbeat')).id).toBe(after)
  })

  it('tells a resuming browser to reload when the log is gone (Redis restarted empty)', async () => {
    const known = await publish(heartbeat())
    await t.deps.redis.del(eventLogKey(t.deps.config.REDIS_PREFIX))
    const stream = await subscribe({ 'last-event-id': known })
    expect((await stream.nextEvent()).event).toBe('resync')
  })

  it('refuses a malformed Last-Event-ID with a clear 400', async () => {
    const res = await t.app.request('/api/events', { headers: { ...viewer, 'last-event-id': 'x; drop' } })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toContain('Last-Event-ID')
  })

  it('announces gateway changes from the registry, never with the token', async () => {
    const stream = await subscribe()
    await stream.nextEvent('ready')
    const send = (method: string, body: unknown) =>
      t.app.request('/api/gateways', { method, headers: admin, body: JSON.stringify(body) })
    const created = (await (
      await send('POST', { name: 'Live events', host: 'gw.events', token: 'tok-events-secret' })
    ).json()) as { gateway: { id: number } }
    const id = created.gateway.id
    await send('PUT', { id, port: 18800 })
    await send('PUT', { id, token: 'tok-events-rotated' })
    await send('DELETE', { id })

    const frames = [
      await stream.nextEvent('gateway.created'),
      await stream.nextEvent('gateway.updated'),
      await stream.nextEvent('gateway.updated'),
      await stream.nextEvent('gateway.deleted'),
    ]
    const events = frames.map((f) => payload(f.data))
    expect(events).toMatchObject([
      {
        type: 'gateway.created',
        gateway: { id, name: 'Live events', token_set: true },
        token_changed: false,
      },
      { type: 'gateway.updated', gateway: { id, port: 18800 }, token_changed: false },
      { type: 'gateway.updated', gateway: { id }, token_changed: true },
      { type: 'gateway.deleted', gateway_id: id, name: 'Live events' },
    ])
    expect(JSON.stringify(frames)).not.toContain('tok-events')
  })
})
