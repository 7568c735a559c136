import { afterEach, describe, expect, it, vi } from 'vitest'
import { connectGateway } from '../client/connect.ts'
import type { GatewayEvent } from '../client/frame-channel.ts'
import type { GatewayClient } from '../client/gateway-client.ts'
import { tailAuthFailures } from '../insights/auth-failures.ts'
import type { FinishedToolCall } from '../insights/finished-tool-call.ts'
import { readSessionsUsage } from '../insights/sessions-usage.ts'
import { listToolActionsSince } from '../insights/tool-actions.ts'
import { createToolCallTracker } from '../insights/tool-call-tracker.ts'
import { useFakeGateways } from '../testing/fake-gateways.ts'
import type { FakeGateway } from './fake-gateway.ts'

/** Events cross a loopback socket: on a loaded machine, seconds. */
const PATIENCE = { timeout: 15_000, interval: 20 }

const startFake = useFakeGateways()
const clients: GatewayClient[] = []
afterEach(() => Promise.all(clients.splice(0).map((client) => client.close())))

/** An operator.read client that keeps every event it gets. */
async function watch(fake: FakeGateway) {
  const events: GatewayEvent[] = []
  const client = await connectGateway(fake.target(), {
    clientVersion: 'test',
    onEvent: (event) => events.push(event),
  })
  clients.push(client)
  return { client, events }
}

describe('fake gateway tool calls', () => {
  it('sends every client the agent events of a tool call, which a tracker turns into the call', async () => {
    const fake = await startFake()
    const { key } = fake.createSession()
    const first = await watch(fake)
    const second = await watch(fake)
    const { runId, toolCallId } = fake.runTool(key, {
      tool: 'read',
      durationMs: 40,
      ok: false,
      error: 'File not found',
      at: 5_000,
    })
    await vi.waitFor(
      () => expect(second.events.filter((event) => event.event === 'agent')).toHaveLength(2),
      PATIENCE,
    )
    const tracker = createToolCallTracker()
    await vi.waitFor(
      () => expect(first.events.filter((event) => event.event === 'agent')).toHaveLength(2),
      PATIENCE,
    )
    const calls = first.events.flatMap((event) => tracker.receive(event))
    expect(calls).toEqual([
      {
        toolCallId,
        auditToolCallId: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        tool: 'read',
        sessionKey: key,
        agentId: 'main',
        runId,
        startedAt: 4_960,
        endedAt: 5_000,
        durationMs: 40,
        ok: false,
        error: 'File not found',
        exitCode: null,
      },
    ])
    const agentEvents = first.events.filter((event) => event.event === 'agent')
    expect(agentEvents.map((event) => (event.payload as { seq: number }).seq)).toEqual([1, 2])
  })

  it('adds an update and a command_output end for exec, carrying the exit code', async () => {
    const fake = await startFake()
    const { key } = fake.createSession()
    const { events } = await watch(fake)
    fake.runTool(key, { tool: 'exec', durationMs: 1500, exitCode: 3, ok: false })
    await vi.waitFor(
      () => expect(events.filter((event) => event.event === 'agent')).toHaveLength(4),
      PATIENCE,
    )
    const streams = events
      .filter((event) => event.event === 'agent')
      .map((event) => {
        const payload = event.payload as { stream: string; data: { phase: string } }
        return `${payload.stream}:${payload.data.phase}`
      })
    expect(streams).toEqual(['item:start', 'item:update', 'item:end', 'command_output:end'])
    const tracker = createToolCallTracker()
    expect(events.flatMap((event) => tracker.receive(event))).toEqual([
      expect.objectContaining({ tool: 'exec', ok: false, exitCode: 3, durationMs: 1500 }),
    ])
  })

  it('keeps the calls in audit.activity.list, newest first, paged, under the hashed call id', async () => {
    const fake = await startFake()
    const { key } = fake.createSession()
    for (let i = 0; i < 3; i++) fake.runTool(key, { tool: `tool-${i}`, durationMs: 10, at: 1_000 + i * 100 })
    fake.runTool(key, { tool: 'bad', durationMs: 5, ok: false, at: 2_000 })
    const { client } = await watch(fake)

    const page = (await client.request('audit.activity.list', { kind: 'tool_action', limit: 3 })) as {
      events: { action: string; toolName: string; sequence: number }[]
      nextCursor?: string
    }
    expect(page.events.map((event) => [event.toolName, event.action])).toEqual([
      ['bad', 'tool.action.finished'],
      ['bad', 'tool.action.started'],
      ['tool-2', 'tool.action.finished'],
    ])
    expect(page.nextCursor).toBe(String(page.events[2]?.sequence))
    const failed = (await client.request('audit.activity.list', {
      kind: 'tool_action',
      status: 'failed',
    })) as {
      events: { errorCode: string }[]
      nextCursor?: string
    }
    expect(failed).toEqual({ events: [expect.objectContaining({ errorCode: 'tool_failed' })] })

    const calls = await listToolActionsSince(client, 1_150)
    expect(calls.map((call: FinishedToolCall) => [call.tool, call.ok, call.durationMs])).toEqual([
      ['tool-2', true, 10],
      ['bad', false, 5],
    ])
    const tracker = createToolCallTracker()
    const { events } = await watch(fake)
    const again = fake.runTool(key, { tool: 'same', durationMs: 1 })
    await vi.waitFor(
      () => expect(events.filter((event) => event.event === 'agent')).toHaveLength(2),
      PATIENCE,
    )
    const [liveCall] = events.flatMap((event) => tracker.receive(event))
    const [audited] = await listToolActionsSince(client, Date.now() - 60_000)
    expect(liveCall?.toolCallId).toBe(again.toolCallId)
    expect(audited?.toolCallId).toBe(liveCall?.auditToolCallId)
  })

  it('refuses bad audit.activity.list params as the real schema does', async () => {
    const fake = await startFake()
    const { client } = await watch(fake)
    await expect(client.request('audit.activity.list', { limit: 501 })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    })
    await expect(client.request('audit.activity.list', { color: 'red' })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    })
  })

  it('floods runaway tool starts that never end', async () => {
    const fake = await startFake()
    fake.createSession()
    const { events } = await watch(fake)
    fake.emitAgentEvents(50)
    await vi.waitFor(
      () => expect(events.filter((event) => event.event === 'agent')).toHaveLength(50),
      PATIENCE,
    )
    const tracker = createToolCallTracker({ maxOpen: 10 })
    expect(events.flatMap((event) => tracker.receive(event))).toEqual([])
  })
})

describe('fake gateway log', () => {
  it('logs two WARN lines per refused handshake, counted once as a failure from the right address', async () => {
    const fake = await startFake()
    const { client } = await watch(fake)
    const start = await tailAuthFailures(client, null)
    for (let i = 0; i < 2; i++) {
      await expect(
        connectGateway(fake.target({ token: 'wrong-token' }), { clientVersion: 'test' }),
      ).rejects.toThrow()
    }
    const raw = (await client.request('logs.tail', { cursor: start.cursor })) as {
      lines: string[]
      file: string
    }
    expect(raw.lines).toHaveLength(4)
    expect(raw.lines.join('\n')).not.toContain('wrong-token')
    expect(raw.lines[0]).toContain('reason=token_mismatch')
    const page = await tailAuthFailures(client, start.cursor)
    expect(page).toMatchObject({ reset: false, truncated: false })
    expect(page.failures).toEqual([
      { at: expect.any(Number), address: '127.0.0.1', reason: 'token_mismatch' },
      { at: expect.any(Number), address: '127.0.0.1', reason: 'token_mismatch' },
    ])
    expect(await tailAuthFailures(client, page.cursor)).toMatchObject({ failures: [] })
  })

  it('tails like the real one: byte cursors, last `limit` lines, skipping past maxBytes', async () => {
    const fake = await startFake()
    const { client } = await watch(fake)
    fake.appendLog(['one', { two: 2 }, 'three'])
    const all = (await client.request('logs.tail', {})) as Record<string, unknown>
    expect(all).toEqual({
      file: expect.any(String),
      cursor: 20,
      size: 20,
      lines: ['one', '{"two":2}', 'three'],
      truncated: false,
      reset: false,
    })
    expect(await client.request('logs.tail', { cursor: 4, limit: 1 })).toMatchObject({
      lines: ['three'],
      cursor: 20,
    })
    expect(await client.request('logs.tail', { cursor: 0, maxBytes: 8 })).toMatchObject({
      lines: ['three'],
      truncated: true,
      reset: true,
    })
    expect(await client.request('logs.tail', { cursor: 99 })).toMatchObject({
      reset: true,
      lines: ['one', '{"two":2}', 'three'],
    })
    await expect(client.request('logs.tail', { limit: 5001 })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    })
  })
})

describe('fake gateway usage', () => {
  it('answers refreshing zeros on the first call after a change, then the usage', async () => {
    const fake = await startFake({ usageRefreshMs: null })
    const { key } = fake.createSession()
    const { client } = await watch(fake)
    fake.setUsage(key, { inputTokens: 1200, outputTokens: 30, costUsd: 0.5 })
    expect(await readSessionsUsage(client)).toEqual({ fresh: false, sessions: [] })
    const cost = (await client.request('usage.cost', {})) as {
      totals: { totalCost: number }
      cacheStatus: { status: string }
    }
    expect(cost).toMatchObject({ totals: { totalCost: 0 }, cacheStatus: { status: 'refreshing' } })
    fake.settleUsage()
    expect(await readSessionsUsage(client)).toEqual({
      fresh: true,
      sessions: [
        expect.objectContaining({
          sessionKey: key,
          agentId: 'main',
          inputTokens: 1200,
          outputTokens: 30,
          costUsd: 0.5,
          model: 'echo-1',
          provider: 'mock',
        }),
      ],
    })
    expect(await client.request('usage.cost', {})).toMatchObject({
      totals: { totalCost: 0.5, input: 1200 },
      cacheStatus: { status: 'fresh' },
    })
  })

  it('refreshes by itself after usageRefreshMs, derives usage from runs, and covers other agents only with agentScope all', async () => {
    const fake = await startFake({ agents: 2 })
    const { key } = fake.createSession({ agentId: 'agent-2' })
    fake.startRun(key)
    fake.endRun(key, { inputTokens: 100, outputTokens: 10, costUsd: 0.01 })
    const { client } = await watch(fake)
    expect(await readSessionsUsage(client)).toMatchObject({ fresh: false })
    await vi.waitFor(
      async () => expect(await readSessionsUsage(client)).toMatchObject({ fresh: true }),
      PATIENCE,
    )
    expect((await readSessionsUsage(client)).sessions).toEqual([
      expect.objectContaining({ sessionKey: key, agentId: 'agent-2', inputTokens: 100, costUsd: 0.01 }),
    ])
    const mainOnly = (await client.request('sessions.usage', {})) as { sessions: unknown[] }
    expect(mainOnly.sessions).toEqual([])
    const otherDay = await readSessionsUsage(client, { day: '2020-01-01' })
    expect(otherDay).toEqual({ fresh: true, sessions: [] })
  })
})
