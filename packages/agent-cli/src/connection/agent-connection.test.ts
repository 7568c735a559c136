import type { ConnectResponse, HeartbeatRequest, HeartbeatResponse } from '@mc/shared'
import { eventually } from '@mc/testing'
import { describe, expect, it, vi } from 'vitest'
import type { AgentApi } from '../api/agent-api.ts'
import { AgentApiError, type AgentApiErrorKind, type AgentApiOperation } from '../api/agent-api-error.ts'
import { createAgentConnection } from './agent-connection.ts'
import type { AgentConnectionEvent } from './events.ts'
import type { Sleep } from './sleep.ts'

/** Sleeps that last until the test wakes them, recording how long each asked for. */
function manualSleep() {
  const pending: { ms: number; wake: () => void }[] = []
  const asked: number[] = []
  const sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason)
      asked.push(ms)
      pending.push({ ms, wake: resolve })
      signal.addEventListener('abort', () => reject(signal.reason), { once: true })
    })
  /** Waits for the connection to start sleeping, then wakes it; returns how long it meant to sleep. */
  async function wake(): Promise<number> {
    await eventually(() => expect(pending.length).toBeGreaterThan(0))
    const next = pending.shift()
    next?.wake()
    return next?.ms ?? -1
  }
  return { sleep, wake, asked }
}

const fail = (
  operation: AgentApiOperation,
  kind: AgentApiErrorKind,
  status?: number,
  retryAfterMs?: number,
) => new AgentApiError(operation, kind, `${operation} failed (${status ?? kind})`, status, retryAfterMs)

type Step<T> = T | 'ok' | AgentApiError

/** An API whose answers are scripted per call; once a script runs out it answers successfully. */
function scriptedApi(
  script: { connect?: Step<ConnectResponse>[]; heartbeat?: Step<HeartbeatResponse>[] } = {},
) {
  let connections = 0
  const heartbeats: HeartbeatRequest[] = []
  const disconnected: string[] = []
  const next = <T>(steps: Step<T>[] | undefined, ok: () => T): Promise<T> => {
    const step = steps?.shift()
    if (step instanceof AgentApiError) return Promise.reject(step)
    return Promise.resolve(step === undefined || step === 'ok' ? ok() : step)
  }
  const api: AgentApi = {
    connect: vi.fn((body) =>
      next(script.connect, () => {
        connections++
        return {
          connection_id: `conn-${connections}`,
          agent_id: 7,
          agent_name: body.agent_name,
          status: 'connected' as const,
          heartbeat_url: '/api/agents/7/heartbeat',
          heartbeat_interval_s: 30,
        }
      }),
    ),
    heartbeat: vi.fn((agentId, body) => {
      heartbeats.push(body)
      return next(script.heartbeat, () => ({
        status: 'ok' as const,
        agent_id: agentId,
        connection_id: body.connection_id,
        token_recorded: body.tokens !== undefined,
        next_heartbeat_before: 2_000_000_000,
      }))
    }),
    listConnections: vi.fn(async () => ({ connections: [], next_before: null })),
    disconnect: vi.fn(async (connectionId) => {
      disconnected.push(connectionId)
      return { status: 'disconnected' as const, connection_id: connectionId }
    }),
  }
  return { api, heartbeats, disconnected }
}

function agentConnection(api: AgentApi, extra: Partial<Parameters<typeof createAgentConnection>[0]> = {}) {
  const clock = manualSleep()
  const events: AgentConnectionEvent[] = []
  const agent = createAgentConnection({
    url: 'http://unused',
    apiKey: 'unused-key',
    name: 'codex-session-01',
    tool: 'codex',
    toolVersion: '2.1.0',
    metadata: { workspace: '/w' },
    api,
    sleep: clock.sleep,
    random: () => 0.5,
    onEvent: (event) => events.push(event),
    ...extra,
  })
  return { agent, clock, events, types: () => events.map((e) => e.type) }
}

describe('createAgentConnection', () => {
  it('registers, heartbeats every interval with tokens on the next beat, and disconnects on stop', async () => {
    const { api, heartbeats, disconnected } = scriptedApi()
    const { agent, clock, types } = agentConnection(api)
    expect(agent.status).toBe('idle')
    const connection = await agent.start()
    expect(connection?.connection_id).toBe('conn-1')
    expect(agent).toMatchObject({ connectionId: 'conn-1', agentId: 7, status: 'connected' })
    expect(api.connect).toHaveBeenCalledWith(
      {
        agent_name: 'codex-session-01',
        tool_name: 'codex',
        tool_version: '2.1.0',
        metadata: { workspace: '/w' },
      },
      expect.any(AbortSignal),
    )

    agent.reportTokens({ input: 1500, output: 800, model: 'claude-3-5-sonnet-20241022' })
    expect(await clock.wake()).toBe(30_000)
    await eventually(() => expect(heartbeats).toHaveLength(1))
    expect(await clock.wake()).toBe(30_000)
    await eventually(() => expect(heartbeats).toHaveLength(2))
    await clock.wake()
    await eventually(() => expect(heartbeats).toHaveLength(3))
    expect(heartbeats).toEqual([
      { connection_id: 'conn-1', tokens: { input: 1500, output: 800, model: 'claude-3-5-sonnet-20241022' } },
      { connection_id: 'conn-1' },
      { connection_id: 'conn-1' },
    ])

    await agent.stop()
    expect(disconnected).toEqual(['conn-1'])
    expect(agent.status).toBe('stopped')
    expect(agent.connectionId).toBe('conn-1')
    expect(types()).toEqual(['registered', 'heartbeat', 'heartbeat', 'heartbeat', 'disconnected'])
    await agent.stop() // harmless when repeated
    expect(api.disconnect).toHaveBeenCalledTimes(1)
  })

  it('jitters the interval by ±20 % and lets intervalS override the server', async () => {
    const { api } = scriptedApi()
    const low = agentConnection(api, { random: () => 0, intervalS: 1 })
    await low.agent.start()
    expect(await low.clock.wake()).toBe(800)
    await low.agent.stop()
    const high = agentConnection(api, { random: () => 0.999999 })
    await high.agent.start()
    expect(await high.clock.wake()).toBe(36_000)
    await high.agent.stop()
  })

  it('retries a transient registration failure with backoff, honouring Retry-After', async () => {
    const { api } = scriptedApi({
      connect: [
        fail('connect', 'transient', 503),
        fail('connect', 'transient', 429, 7000),
        fail('connect', 'transient'),
      ],
    })
    const { agent, clock, events } = agentConnection(api, { random: () => 0 })
    const started = agent.start()
    expect(await clock.wake()).toBe(500)
    expect(await clock.wake()).toBe(7000)
    expect(await clock.wake()).toBe(2000)
    expect((await started)?.connection_id).toBe('conn-1')
    const retries = events.filter((e) => e.type === 'retrying')
    expect(retries.map((e) => e.type === 'retrying' && [e.operation, e.attempt, e.delayMs])).toEqual([
      ['connect', 1, 500],
      ['connect', 2, 7000],
      ['connect', 3, 2000],
    ])
    await agent.stop()
  })

  it('registers again when the server says the connection is gone (409), and keeps heartbeating', async () => {
    const { api, heartbeats } = scriptedApi({ heartbeat: ['ok', fail('heartbeat', 'connection-gone', 409)] })
    const { agent, clock, events } = agentConnection(api)
    await agent.start()
    await clock.wake()
    await clock.wake()
    await eventually(() => expect(agent.connectionId).toBe('conn-2'))
    await clock.wake()
    await eventually(() => expect(events).toHaveLength(5))
    expect(heartbeats.map((h) => h.connection_id)).toEqual(['conn-1', 'conn-1', 'conn-2'])
    expect(events.map((e) => (e.type === 'registered' ? `registered:${e.reconnect}` : e.type))).toEqual([
      'registered:false',
      'heartbeat',
      'connection-lost',
      'registered:true',
      'heartbeat',
    ])
    await agent.stop()
  })

  it('retries transient heartbeat failures and keeps their tokens until delivered', async () => {
    const { api, heartbeats } = scriptedApi({ heartbeat: [fail('heartbeat', 'transient', 502)] })
    const { agent, clock } = agentConnection(api, { random: () => 0 })
    await agent.start()
    agent.reportTokens({ input: 10, output: 5, model: 'm' })
    expect(await clock.wake()).toBe(24_000)
    expect(await clock.wake()).toBe(500)
    await eventually(() => expect(heartbeats).toHaveLength(2))
    expect(heartbeats[1]).toEqual({ connection_id: 'conn-1', tokens: { input: 10, output: 5, model: 'm' } })
    await clock.wake()
    await eventually(() => expect(heartbeats).toHaveLength(3))
    expect(heartbeats[2]).toEqual({ connection_id: 'conn-1' })
    await agent.stop()
  })

  it('drains several models soon after one another, and flushes what is left on stop', async () => {
    const { api, heartbeats } = scriptedApi()
    const { agent, clock } = agentConnection(api)
    await agent.start()
    agent.reportTokens({ input: 1, output: 1, model: 'a' })
    agent.reportTokens({ input: 2, output: 2, model: 'b' })
    agent.reportTokens({ input: 3, output: 3, model: 'c' })
    expect(await clock.wake()).toBe(30_000)
    expect(await clock.wake()).toBe(1000)
    await eventually(() => expect(heartbeats).toHaveLength(2))
    await agent.stop()
    expect(heartbeats.map((h) => h.tokens?.model)).toEqual(['a', 'b', 'c'])
    expect(api.disconnect).toHaveBeenCalledTimes(1)
  })

  it('gives up on a permanent failure: start() rejects, nothing more is sent, stop() does not disconnect', async () => {
    const { api } = scriptedApi({ connect: [fail('connect', 'permanent', 401)] })
    const { agent, types } = agentConnection(api)
    await expect(agent.start()).rejects.toMatchObject({ kind: 'permanent', status: 401 })
    expect(agent.status).toBe('failed')
    expect(agent.failure?.status).toBe(401)
    await agent.stop()
    expect(api.connect).toHaveBeenCalledTimes(1)
    expect(api.disconnect).not.toHaveBeenCalled()
    expect(types()).toEqual(['failed'])
    expect(agent.status).toBe('failed')
  })

  it('stops heartbeating after a permanent heartbeat failure (e.g. key revoked)', async () => {
    const { api } = scriptedApi({ heartbeat: [fail('heartbeat', 'permanent', 401)] })
    const { agent, clock, types } = agentConnection(api)
    await agent.start()
    await clock.wake()
    await eventually(() => expect(agent.status).toBe('failed'))
    await agent.stop()
    expect(types()).toEqual(['registered', 'failed'])
    expect(api.heartbeat).toHaveBeenCalledTimes(1)
    expect(api.disconnect).not.toHaveBeenCalled()
  })

  it('stopped while registration is still retrying: start() resolves undefined, nothing to disconnect', async () => {
    const { api } = scriptedApi({ connect: [fail('connect', 'transient', 503)] })
    const { agent, clock } = agentConnection(api)
    const started = agent.start()
    await eventually(() => expect(clock.asked).toHaveLength(1))
    await agent.stop()
    expect(await started).toBeUndefined()
    expect(api.connect).toHaveBeenCalledTimes(1)
    expect(api.disconnect).not.toHaveBeenCalled()
  })

  it('reports a refusal of the registration in flight when stop() was called', async () => {
    const { api } = scriptedApi()
    let refuse: (error: AgentApiError) => void = () => {}
    vi.mocked(api.connect).mockImplementationOnce(() => new Promise((_, reject) => (refuse = reject)))
    const { agent, types } = agentConnection(api)
    const started = agent.start()
    await eventually(() => expect(api.connect).toHaveBeenCalled())
    const stopping = agent.stop()
    refuse(fail('connect', 'permanent', 401))
    await stopping
    await expect(started).rejects.toMatchObject({ kind: 'permanent', status: 401 })
    expect(agent.status).toBe('failed')
    expect(types()).toEqual(['failed'])
    expect(api.disconnect).not.toHaveBeenCalled()
  })

  it('disconnects a connection whose registration was in flight when stop() was called', async () => {
    const { api, disconnected } = scriptedApi()
    let answer: (value: ConnectResponse) => void = () => {}
    vi.mocked(api.connect).mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
    const { agent } = agentConnection(api)
    const started = agent.start()
    await eventually(() => expect(api.connect).toHaveBeenCalled())
    const stopping = agent.stop()
    answer({
      connection_id: 'conn-late',
      agent_id: 7,
      agent_name: 'codex-session-01',
      status: 'connected',
      heartbeat_url: '/api/agents/7/heartbeat',
      heartbeat_interval_s: 30,
    })
    await stopping
    expect((await started)?.connection_id).toBe('conn-late')
    expect(disconnected).toEqual(['conn-late'])
  })

  it('gives up waiting for a hung server after stopTimeoutMs', async () => {
    const { api } = scriptedApi()
    const { agent } = agentConnection(api, { stopTimeoutMs: 50 })
    await agent.start()
    vi.mocked(api.disconnect).mockImplementationOnce(
      (_id, signal) =>
        new Promise((_, reject) =>
          signal?.addEventListener('abort', () => reject(fail('disconnect', 'aborted'))),
        ),
    )
    const began = Date.now()
    await agent.stop()
    expect(Date.now() - began).toBeLessThan(2000)
  })
})

describe('connections that keep ending', () => {
  it('back off re-registering when lost again and again before a good heartbeat', async () => {
    const gone = () => fail('heartbeat', 'connection-gone', 409)
    const { api } = scriptedApi({ heartbeat: [gone(), gone(), gone(), gone(), 'ok', gone()] })
    const { agent, clock, events } = agentConnection(api, { random: () => 0 })
    await agent.start()
    const waits: number[] = []
    for (let i = 0; i < 10; i++) waits.push(await clock.wake())
    // beat (lost), beat (lost), backoff 500, beat (lost), backoff 1000, beat (lost), backoff 2000,
    // beat (ok), beat (lost: the count starts again, no backoff), beat
    expect(waits).toEqual([24_000, 24_000, 500, 24_000, 1000, 24_000, 2000, 24_000, 24_000, 24_000])
    const lost = events.flatMap((e) => (e.type === 'connection-lost' ? [e.inARow] : []))
    expect(lost).toEqual([1, 2, 3, 4, 1])
    await agent.stop()
  })

  it('stops, without fighting, when a newer connect of the same agent and tool replaced it', async () => {
    const { api, heartbeats } = scriptedApi({ heartbeat: [fail('heartbeat', 'connection-gone', 409)] })
    vi.mocked(api.listConnections).mockResolvedValueOnce({
      connections: [
        { connection_id: 'conn-other', disconnect_reason: null },
        { connection_id: 'conn-1', disconnect_reason: 'replaced' },
      ] as never,
      next_before: null,
    })
    const { agent, clock, types } = agentConnection(api)
    await agent.start()
    await clock.wake()
    await eventually(() => expect(agent.status).toBe('replaced'))
    expect(api.listConnections).toHaveBeenCalledWith(
      { agent: 'codex-session-01', tool: 'codex', limit: 50 },
      expect.any(AbortSignal),
    )
    await agent.stop()
    expect(types()).toEqual(['registered', 'replaced'])
    expect(heartbeats).toHaveLength(1)
    expect(api.connect).toHaveBeenCalledTimes(1)
    expect(api.disconnect).not.toHaveBeenCalled()
    expect(agent.status).toBe('replaced')
  })

  it("passes the server's reason on, and registers again when it cannot be looked up", async () => {
    const { api } = scriptedApi({
      heartbeat: [fail('heartbeat', 'connection-gone', 409), fail('heartbeat', 'connection-gone', 409)],
    })
    vi.mocked(api.listConnections)
      .mockResolvedValueOnce({
        connections: [{ connection_id: 'conn-1', disconnect_reason: 'heartbeat_timeout' }] as never,
        next_before: null,
      })
      .mockRejectedValueOnce(fail('list-connections', 'permanent', 403))
    const { agent, clock, events } = agentConnection(api)
    await agent.start()
    await clock.wake()
    await clock.wake()
    expect(await clock.wake()).toBe(750) // the second loss in a row: re-registering backs off
    await eventually(() => expect(agent.connectionId).toBe('conn-3'))
    const lost = events.flatMap((e) => (e.type === 'connection-lost' ? [[e.connectionId, e.reason]] : []))
    expect(lost).toEqual([
      ['conn-1', 'heartbeat_timeout'],
      ['conn-2', undefined],
    ])
    await agent.stop()
  })
})
