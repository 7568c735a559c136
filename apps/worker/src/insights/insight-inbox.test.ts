import type { GatewayEvent } from '@mc/openclaw'
import { describe, expect, it } from 'vitest'
import { createInsightInbox } from './insight-inbox.ts'

const AT = Date.UTC(2026, 10, 30, 12, 0, 0)

const toolEnd = (i: number): GatewayEvent => ({
  event: 'agent',
  seq: i,
  payload: {
    runId: 'run-1',
    stream: 'item',
    sessionKey: 'agent:main:main',
    agentId: 'main',
    ts: AT + i,
    data: {
      kind: 'tool',
      name: 'read',
      toolCallId: `call-${i}`,
      phase: 'end',
      status: 'completed',
      startedAt: AT,
      endedAt: AT + i,
    },
  },
})

describe('insight inbox', () => {
  it('holds events and calls up to its bounds, then counts events per type and minute and drops the oldest calls', () => {
    const inbox = createInsightInbox({ maxPendingEvents: 3, maxPendingCalls: 2 })
    for (let i = 1; i <= 5; i++) inbox.receive(toolEnd(i))
    inbox.receive({ event: 'tick', payload: { ts: AT }, seq: 6 })
    expect(inbox.takeEvents()).toEqual([
      expect.objectContaining({ type: 'agent:item', at: AT + 1, summary: 'tool read end completed' }),
      expect.objectContaining({ type: 'agent:item', at: AT + 2 }),
      expect.objectContaining({ type: 'agent:item', at: AT + 3 }),
      expect.objectContaining({ type: 'agent:item', at: AT, count: 2 }),
    ])
    const { calls, dropped } = inbox.takeCalls()
    expect(calls.map((call) => call.toolCallId)).toEqual(['call-4', 'call-5'])
    expect(dropped).toBe(3)
    expect(inbox.takeEvents()).toEqual([])
    expect(inbox.takeCalls()).toEqual({ calls: [], dropped: 0 })
    // Calls that could not be stored wait for the next flush, within the same bound.
    inbox.receive(toolEnd(6))
    inbox.putBack(calls)
    const again = inbox.takeCalls()
    expect(again.calls.map((call) => call.toolCallId)).toEqual(['call-5', 'call-6'])
    expect(again.dropped).toBe(1)
  })
})
