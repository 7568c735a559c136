import { agentDetailResponseSchema, heartbeatResponseSchema } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { useCliTool } from '../../testing/cli-tool.ts'
import { useTestApp } from '../../testing/test-app.ts'

const t = useTestApp()
const { headers, send, connect, heartbeat, connection } = useCliTool(t)

describe('POST /api/agents/:id/heartbeat', () => {
  it('extends the connection on database time and records token usage, by id or by name', async () => {
    const c = await connect({ agent_name: 'beater', tool_name: 'codex' })
    const res = await heartbeat(c.agent_id, {
      connection_id: c.connection_id,
      tokens: { input: 1500, output: 800, model: 'claude-3-5-sonnet-20241022' },
    })
    const body = heartbeatResponseSchema.parse(await res.json())
    expect(body).toMatchObject({
      status: 'ok',
      agent_id: c.agent_id,
      connection_id: c.connection_id,
      token_recorded: true,
    })
    const nowS = Math.floor(Date.now() / 1000)
    expect(body.next_heartbeat_before).toBeGreaterThanOrEqual(nowS + 55)
    expect(body.next_heartbeat_before).toBeLessThanOrEqual(nowS + 65)
    expect((await connection(c.connection_id))?.lastHeartbeat).toBeInstanceOf(Date)

    const byName = await heartbeat('beater', {
      connection_id: c.connection_id,
      token_usage: { model: 'gpt-5', inputTokens: 10, outputTokens: 5 },
    })
    expect(await byName.json()).toMatchObject({ status: 'ok', token_recorded: true })
    const plain = await heartbeat(c.agent_id, { connection_id: c.connection_id })
    expect(await plain.json()).toMatchObject({ token_recorded: false })

    const detail = agentDetailResponseSchema.parse(
      await (await t.app.request(`/api/agents/${c.agent_id}`, { headers })).json(),
    )
    expect(detail.tokens.all).toEqual([
      { model: 'claude-3-5-sonnet-20241022', input: 1500, output: 800 },
      { model: 'gpt-5', input: 10, output: 5 },
    ])
    expect(detail.tokens['24h']).toEqual(detail.tokens.all)
    expect(detail.agent).toMatchObject({ name: 'beater', status: 'online', open_connections: 1 })
    expect(detail.connections.map((x) => x.connection_id)).toEqual([c.connection_id])
  })

  it('is 404 for a connection of another agent, 409 once disconnected, 400 for bad token counts', async () => {
    const mine = await connect({ agent_name: 'owner', tool_name: 'codex' })
    const other = await connect({ agent_name: 'stranger', tool_name: 'codex' })
    const foreign = await heartbeat(other.agent_id, { connection_id: mine.connection_id })
    expect(foreign.status).toBe(404)
    expect((await heartbeat(mine.agent_id, { connection_id: 'conn-nope' })).status).toBe(404)
    for (const tokens of [
      { input: -1, output: 0, model: 'm' },
      { input: 1.5, output: 0, model: 'm' },
      { input: 1 },
    ]) {
      expect((await heartbeat(mine.agent_id, { connection_id: mine.connection_id, tokens })).status).toBe(400)
    }
    await send('DELETE', '/api/connect', { connection_id: mine.connection_id })
    const late = await heartbeat(mine.agent_id, { connection_id: mine.connection_id })
    expect(late.status).toBe(409)
    expect(await late.json()).toMatchObject({
      error: expect.stringContaining('register again'),
      details: { reason: 'disconnected' },
    })
  })
})
