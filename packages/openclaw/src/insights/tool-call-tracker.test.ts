import { MAX_TOOL_ERROR_LENGTH } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import type { GatewayEvent } from '../client/frame-channel.ts'
import samples from './fixtures/agent-tool-events.json' with { type: 'json' }
import { createToolCallTracker, type ToolCallTracker } from './tool-call-tracker.ts'

type Frame = { event: string; payload: unknown; seq?: number }
const asEvent = (frame: Frame): GatewayEvent => ({
  event: frame.event,
  payload: frame.payload,
  seq: frame.seq ?? null,
})
const feed = (tracker: ToolCallTracker, frames: Frame[]) =>
  frames.flatMap((frame) => tracker.receive(asEvent(frame)))

const item = (toolCallId: string, phase: string, extra: Record<string, unknown> = {}, runId = 'run-1') => ({
  event: 'agent',
  payload: {
    runId,
    stream: 'item',
    sessionKey: 'agent:main:s',
    agentId: 'main',
    ts: 1000,
    data: { kind: 'tool', toolCallId, name: 'ls', phase, status: 'running', startedAt: 100, ...extra },
  },
})

describe('createToolCallTracker', () => {
  it('reports a real successful call once, at its end', () => {
    const tracker = createToolCallTracker()
    const [start, end] = samples.ls_success
    expect(tracker.receive(asEvent(start as Frame))).toEqual([])
    expect(tracker.receive(asEvent(end as Frame))).toEqual([
      {
        toolCallId: 'call_mock_4',
        auditToolCallId: 'sha256:2d7c9a5de09024ce04aad5fba674184122e50e773252e1aea006beffaf5a00a9',
        tool: 'ls',
        sessionKey: 'agent:main:dashboard:ec15265c-6e96-457a-a1b6-d696e2f5209d',
        agentId: 'main',
        runId: '7d4be70f-3544-4797-a4c8-c14ce2b9ac67',
        startedAt: 1796001114112,
        endedAt: 1796001114129,
        durationMs: 17,
        ok: true,
        error: null,
        exitCode: null,
      },
    ])
    expect(tracker.receive(asEvent(end as Frame))).toEqual([])
  })

  it('reports a real failure with its error text', () => {
    const calls = feed(createToolCallTracker(), samples.read_failure as Frame[])
    expect(calls).toEqual([
      expect.objectContaining({
        tool: 'read',
        ok: false,
        error: 'File not found: <stateDir>/state/workspace/no-such-file-xyz.txt.',
        durationMs: 23,
      }),
    ])
  })

  it('holds a real exec call until its command_output end brings the exit code', () => {
    const tracker = createToolCallTracker()
    const frames = samples.exec_success as Frame[]
    const itemEnd = frames.findIndex(
      (frame) => (frame.payload as { data: { phase: string } }).data.phase === 'end',
    )
    expect(feed(tracker, frames.slice(0, itemEnd + 1))).toEqual([])
    expect(feed(tracker, frames.slice(itemEnd + 1))).toEqual([
      expect.objectContaining({
        toolCallId: 'call_mock_8',
        // The ledger's id for this very call (audit.activity.list-tool-actions sample).
        auditToolCallId: 'sha256:715038bad938b2dbe8db08c472094063399c45ecd235214dbbf08a49eeb84ecb',
        tool: 'exec',
        ok: true,
        exitCode: 0,
        durationMs: 1796001126024 - 1796001123981,
      }),
    ])
  })

  it('lets a held exec call go without an exit code once its run moves on', () => {
    const tracker = createToolCallTracker()
    expect(
      feed(tracker, [
        item('x', 'start', { name: 'exec' }),
        item('x', 'end', { name: 'exec', status: 'failed' }),
      ]),
    ).toEqual([])
    const lifecycleEnd = {
      event: 'agent',
      payload: { runId: 'run-1', stream: 'lifecycle', data: { phase: 'end' } },
    }
    expect(feed(tracker, [lifecycleEnd])).toEqual([
      expect.objectContaining({ tool: 'exec', ok: false, exitCode: null }),
    ])
  })

  it('reports a call from its end alone (started before a reconnect)', () => {
    const [, end] = samples.ls_success
    expect(feed(createToolCallTracker(), [end as Frame])).toEqual([
      expect.objectContaining({ toolCallId: 'call_mock_4', durationMs: 17 }),
    ])
  })

  it('keeps at most maxOpen open calls, dropping the oldest', () => {
    const tracker = createToolCallTracker({ maxOpen: 3 })
    feed(
      tracker,
      ['a', 'b', 'c', 'd'].map((id) => item(id, 'start', { startedAt: 5 })),
    )
    // An end without startedAt falls back to what the start said: only for calls still open.
    const ends = ['a', 'd'].map((id) => item(id, 'end', { startedAt: undefined, status: 'completed' }))
    expect(feed(tracker, ends).map((call) => [call.toolCallId, call.startedAt])).toEqual([
      ['a', 1000],
      ['d', 5],
    ])
  })

  it('bounds error text and ignores malformed or foreign events without throwing', () => {
    const tracker = createToolCallTracker()
    const junk: Frame[] = [
      { event: 'agent', payload: null },
      { event: 'agent', payload: { stream: 'item', data: 'nope' } },
      { event: 'agent', payload: { stream: 'item', data: { kind: 'tool', phase: 'end' } } },
      { event: 'tick', payload: { ts: 1 } },
      {
        event: 'agent',
        payload: { stream: 'command_output', data: { toolCallId: 'q', phase: 'end', exitCode: 'x' } },
      },
    ]
    expect(feed(tracker, junk)).toEqual([])
    const [call] = feed(tracker, [item('e', 'end', { status: 'failed', error: 'x'.repeat(5000) })])
    expect(call?.error).toHaveLength(MAX_TOOL_ERROR_LENGTH)
  })
})
