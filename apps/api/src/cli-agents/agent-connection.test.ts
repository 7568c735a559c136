import { type AgentConnectionEvent, createAgentConnection } from '@mc/agent-cli'
import { agentDetailResponseSchema } from '@mc/shared'
import { eventually } from '@mc/testing'
import { describe, expect, it } from 'vitest'
import { agentName, useRealApi } from '../testing/real-api.ts'

const real = useRealApi()

describe('createAgentConnection against the real API', () => {
  it('registers, delivers reported tokens with its heartbeats, and disconnects', async () => {
    const name = agentName()
    const events: AgentConnectionEvent[] = []
    const agent = createAgentConnection({
      url: real.url,
      apiKey: real.key,
      name,
      tool: 'claude-code',
      toolVersion: '1.0.0',
      role: 'reviewer',
      metadata: { workspace: '/home/user/project' },
      intervalS: 1,
      onEvent: (event) => events.push(event),
    })
    const connection = await agent.start()
    expect(connection).toMatchObject({ agent_name: name, status: 'connected' })
    expect(agent.connectionId).toBe(connection?.connection_id)

    agent.reportTokens({ input: 1500, output: 800, model: 'claude-3-5-sonnet-20241022' })
    agent.reportTokens({ input: 500, output: 200, model: 'claude-3-5-sonnet-20241022' })
    agent.reportTokens({ input: 10, output: 5, model: 'claude-3-5-haiku' })
    await eventually(() => expect(events.filter((e) => e.type === 'heartbeat')).toHaveLength(1))
    agent.reportTokens({ input: 1, output: 1, model: 'late-model' }) // sent by stop()
    await agent.stop()
    expect(agent.status).toBe('stopped')

    const res = await fetch(`${real.url}/api/agents/${connection?.agent_id}`, {
      headers: { 'x-api-key': real.key },
    })
    const detail = agentDetailResponseSchema.parse(await res.json())
    expect(detail.agent).toMatchObject({ name, role: 'reviewer', status: 'offline' })
    expect(detail.tokens.all).toEqual(
      expect.arrayContaining([
        { model: 'claude-3-5-sonnet-20241022', input: 2000, output: 1000 },
        { model: 'claude-3-5-haiku', input: 10, output: 5 },
        { model: 'late-model', input: 1, output: 1 },
      ]),
    )
    const [row] = await real.connectionsOf(name)
    expect(row).toMatchObject({
      connection_id: connection?.connection_id,
      status: 'disconnected',
      tool_name: 'claude-code',
      tool_version: '1.0.0',
      agent_role: 'reviewer',
    })
    expect(events.at(-1)).toEqual({ type: 'disconnected', connectionId: connection?.connection_id })
  })

  it('rejects start() on a bad key without ever throwing the key', async () => {
    const apiKey = 'mc_definitely_not_a_real_key_123456'
    const agent = createAgentConnection({ url: real.url, apiKey, name: agentName(), tool: 'codex' })
    const error = await agent.start().then(
      () => undefined,
      (e: unknown) => e as Error,
    )
    expect(error).toMatchObject({ name: 'AgentApiError', kind: 'permanent', status: 401 })
    expect(String(error?.message)).not.toContain(apiKey)
    await agent.stop()
  })
})
