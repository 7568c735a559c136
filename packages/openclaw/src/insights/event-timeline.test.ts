import { MAX_EVENT_SUMMARY_LENGTH } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import type { GatewayEvent } from '../client/frame-channel.ts'
import { summarizeEvent } from './event-timeline.ts'
import tools from './fixtures/agent-tool-events.json' with { type: 'json' }
import examples from './fixtures/events-operator-read.json' with { type: 'json' }

const asEvent = (frame: { event: string; payload?: unknown }): GatewayEvent => ({
  event: frame.event,
  payload: frame.payload,
  seq: null,
})
const summary = (frame: { event: string; payload?: unknown }) => summarizeEvent(asEvent(frame))?.summary

describe('summarizeEvent', () => {
  it('drops ticks', () => {
    expect(summarizeEvent(asEvent(examples.tick))).toBeNull()
  })

  it('names tool events by stream, tool, phase and status, with their session and run', () => {
    expect(summarizeEvent(asEvent(tools.read_failure[1] as { event: string }))).toEqual({
      at: 1796001120432,
      type: 'agent:item',
      sessionKey: 'agent:main:dashboard:6452f491-3388-419a-b7d8-a72ca7e31163',
      agentId: 'main',
      runId: '3a786e19-1ff8-478c-a258-a649a2e79177',
      summary: 'tool read end failed',
    })
    expect(summary(tools.exec_success[4] as { event: string })).toBe('exec output end exit 0')
  })

  it('summarizes every real event kind without message text, output or errors', () => {
    const all = [...Object.values(examples), ...Object.values(tools).flat()] as { event: string }[]
    const summaries = all.map((frame) => summarizeEvent(asEvent(frame))).filter((entry) => entry !== null)
    const text = JSON.stringify(summaries)
    for (const secret of ['hello mock', 'mock reply', 'hi-from-exec', 'File not found', 'Gateway: vm']) {
      expect(text).not.toContain(secret)
    }
    expect(Object.fromEntries(summaries.map((entry) => [entry.type, entry.summary]))).toMatchObject({
      'agent:lifecycle': 'run end stop',
      'agent:usage': 'usage out 7',
      'agent:assistant': 'assistant reply',
      'session.tool:tool': 'tool exec result',
      chat: 'chat final stop',
      'sessions.changed': 'session end',
      'session.message': 'message user',
      presence: 'presence 2 clients',
      cron: 'cron job added',
    })
  })

  it('never throws and bounds what it keeps', () => {
    expect(summarizeEvent(asEvent({ event: 'agent', payload: 'x' }))).toMatchObject({
      type: 'agent',
      summary: 'agent',
    })
    const long = summarizeEvent(asEvent({ event: 'x'.repeat(1000), payload: { ts: 'now' } }))
    expect(long?.type).toHaveLength(MAX_EVENT_SUMMARY_LENGTH)
    expect(long?.summary).toHaveLength(MAX_EVENT_SUMMARY_LENGTH)
  })
})
