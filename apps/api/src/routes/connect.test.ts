import { schema } from '@mc/db'
import { createRedis } from '@mc/runtime'
import { connectionsResponseSchema, connectResponseSchema } from '@mc/shared'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { useCliTool } from '../testing/cli-tool.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()
const { headers, send, connect, connection } = useCliTool(t)

describe('POST /api/connect', () => {
  it('creates the agent on first sight with role cli, online, and tells the tool how to heartbeat', async () => {
    const c = await connect({ agent_name: 'claude-1', tool_name: 'claude-code' })
    expect(c).toMatchObject({ agent_name: 'claude-1', status: 'connected', heartbeat_interval_s: 30 })
    expect(c.heartbeat_url).toBe(`/api/agents/${c.agent_id}/heartbeat`)
    const [agent] = await t.deps.db.select().from(schema.agents).where(eq(schema.agents.id, c.agent_id))
    expect(agent).toMatchObject({ role: 'cli', status: 'online' })
    const again = await connect({ agent_name: 'claude-1', tool_name: 'other-tool', agent_role: 'reviewer' })
    expect(again.agent_id).toBe(c.agent_id)
    expect((await connection(c.connection_id))?.status).toBe('connected')
  })

  it('retires the older live connection when the same agent and tool reconnect', async () => {
    const first = await connect({ agent_name: 'codex-9', tool_name: 'codex' })
    const second = await connect({ agent_name: 'codex-9', tool_name: 'codex' })
    expect(second.connection_id).not.toBe(first.connection_id)
    expect(await connection(first.connection_id)).toMatchObject({
      status: 'disconnected',
      disconnectReason: 'replaced',
    })
    expect((await connection(second.connection_id))?.status).toBe('connected')
  })

  it('accepts metadata objects up to 16 KB and refuses bigger or non-object ones', async () => {
    const ok = await send('POST', '/api/connect', {
      agent_name: 'meta',
      tool_name: 't',
      metadata: { blob: 'x'.repeat(15_000) },
    })
    expect(ok.status).toBe(200)
    for (const metadata of [{ blob: 'x'.repeat(17_000) }, 'text', [1, 2]]) {
      const bad = await send('POST', '/api/connect', { agent_name: 'meta', tool_name: 't', metadata })
      expect(bad.status).toBe(400)
      expect(((await bad.json()) as { details: { path: string }[] }).details[0]?.path).toBe('metadata')
    }
    const missing = await send('POST', '/api/connect', { tool_name: 't', extra: 1 })
    const paths = ((await missing.json()) as { details: { path: string }[] }).details
      .map((d) => d.path)
      .sort()
    expect(paths).toEqual(['agent_name', 'extra'])
  })
})

describe('DELETE /api/connect', () => {
  it('disconnects, takes the agent offline with its last connection, and is harmless to repeat', async () => {
    const a = await connect({ agent_name: 'leaver', tool_name: 'one' })
    const b = await connect({ agent_name: 'leaver', tool_name: 'two' })
    const first = await send('DELETE', '/api/connect', { connection_id: a.connection_id })
    expect(await first.json()).toEqual({ status: 'disconnected', connection_id: a.connection_id })
    const agent = async () =>
      (await t.deps.db.select().from(schema.agents).where(eq(schema.agents.id, a.agent_id)))[0]?.status
    expect(await agent()).toBe('online')
    await send('DELETE', '/api/connect', { connection_id: b.connection_id })
    expect(await agent()).toBe('offline')
    const repeat = await send('DELETE', '/api/connect', { connection_id: b.connection_id })
    expect(repeat.status).toBe(200)
    expect((await send('DELETE', '/api/connect', { connection_id: 'conn-unknown' })).status).toBe(404)
  })
})

describe('GET /api/connect', () => {
  it('filters and pages connections newest first, with the seed fields', async () => {
    for (let i = 0; i < 3; i++)
      await connect({ agent_name: 'lister', tool_name: `tool-${i}`, metadata: { i } })
    const page = async (query: string) =>
      connectionsResponseSchema.parse(await (await t.app.request(`/api/connect${query}`, { headers })).json())
    const first = await page('?agent=lister&limit=2')
    expect(first.connections.map((c) => c.tool_name)).toEqual(['tool-2', 'tool-1'])
    expect(first.connections[0]).toMatchObject({
      agent_name: 'lister',
      agent_status: 'online',
      agent_role: 'cli',
      metadata: '{"i":2}',
    })
    const rest = await page(`?agent=lister&limit=2&before=${first.next_before}`)
    expect(rest.connections.map((c) => c.tool_name)).toEqual(['tool-0'])
    expect((await page('?tool=tool-1&status=connected')).connections).toHaveLength(1)
    expect((await t.app.request('/api/connect?status=maybe', { headers })).status).toBe(400)
  })

  it('reads status=all as no status filter, as the web app links it', async () => {
    const kept = await connect({ agent_name: 'history', tool_name: 'kept' })
    const ended = await connect({ agent_name: 'history', tool_name: 'ended' })
    expect((await send('DELETE', '/api/connect', { connection_id: ended.connection_id })).status).toBe(200)
    const statuses = async (query: string) => {
      const res = await t.app.request(`/api/connect?agent=history${query}`, { headers })
      expect(res.status, await res.clone().text()).toBe(200)
      const { connections } = connectionsResponseSchema.parse(await res.json())
      return connections.map((c) => [c.connection_id, c.status])
    }
    const both = [
      [ended.connection_id, 'disconnected'],
      [kept.connection_id, 'connected'],
    ]
    expect(await statuses('&status=all')).toEqual(both)
    expect(await statuses('')).toEqual(both)
    expect(await statuses('&status=connected')).toEqual([[kept.connection_id, 'connected']])
  })
})

describe('with Redis down', () => {
  it('still connects, heartbeats and disconnects (Postgres only)', async () => {
    const deadRedis = createRedis('redis://127.0.0.1:1', { lazyConnect: true, retryStrategy: () => 1000 })
    deadRedis.on('error', () => {})
    const app = createApp({ ...t.deps, redis: deadRedis })
    try {
      const res = await send('POST', '/api/connect', { agent_name: 'resilient', tool_name: 'codex' }, app)
      expect(res.status).toBe(200)
      const c = connectResponseSchema.parse(await res.json())
      const beat = await send('POST', c.heartbeat_url, { connection_id: c.connection_id }, app)
      expect(beat.status).toBe(200)
      const bye = await send('DELETE', '/api/connect', { connection_id: c.connection_id }, app)
      expect(bye.status).toBe(200)
    } finally {
      deadRedis.disconnect()
    }
  })
})
