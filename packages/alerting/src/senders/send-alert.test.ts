import { type HttpRecorder, startHttpRecorder } from '@mc/testing/http-recorder'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChannelTarget } from '../alert-message.ts'
import { sendAlert } from './send-alert.ts'
import { manyDown, SEND_OPTIONS } from './test-messages.ts'

const SLACK_TOKEN_PATH = '/services/T000/B000/supersecrettoken'

let receiver: HttpRecorder
beforeEach(async () => {
  receiver = await startHttpRecorder()
})
afterEach(() => receiver.close())

const httpTargets = (url: (path: string) => string): ChannelTarget[] => [
  { type: 'webhook', name: 'hook', config: { url: url('/hook'), secret: 'a-webhook-secret-of-some-length' } },
  { type: 'slack', name: 'slack', config: { url: url(SLACK_TOKEN_PATH) } },
  { type: 'discord', name: 'discord', config: { url: url('/api/webhooks/1/discordsecrettoken') } },
  { type: 'ntfy', name: 'ntfy', config: { url: url('/topic') } },
]

describe('sendAlert', () => {
  it('reports a 500 answer as a failure with its status and the start of the answer', async () => {
    receiver.respondWith(() => ({ status: 500, body: 'x'.repeat(2000) }))
    for (const target of httpTargets(receiver.url)) {
      const result = await sendAlert(target, manyDown(1), SEND_OPTIONS)
      expect(result).toMatchObject({ ok: false, statusCode: 500, error: 'the receiver answered HTTP 500' })
      expect(result.reply).toBe('x'.repeat(500))
      expect(result.durationMs).toBeGreaterThanOrEqual(0)
    }
  })

  it('answers in turn from a queue of statuses: 500 twice, then 200', async () => {
    receiver.respondWith([500, 500, 200])
    const target: ChannelTarget = { type: 'ntfy', name: 'ntfy', config: { url: receiver.url('/topic') } }
    const codes = []
    for (let attempt = 0; attempt < 3; attempt++)
      codes.push((await sendAlert(target, manyDown(1), SEND_OPTIONS)).statusCode)
    expect(codes).toEqual([500, 500, 200])
  })

  it('reports an unreachable receiver in one clear line with no secret in it', async () => {
    const closed = await startHttpRecorder()
    await closed.close()
    for (const target of httpTargets(closed.url)) {
      const result = await sendAlert(target, manyDown(1), SEND_OPTIONS)
      expect(result).toMatchObject({ ok: false, statusCode: null, reply: null })
      expect(result.error).toMatch(/^cannot reach the receiver: .*ECONNREFUSED/)
      expect(result.error).not.toContain('\n')
      for (const secret of ['supersecrettoken', 'discordsecrettoken', 'a-webhook-secret']) {
        expect(JSON.stringify(result)).not.toContain(secret)
      }
    }
  })

  it('hides a Slack URL that a receiver echoes back', async () => {
    receiver.respondWith((request) => ({ status: 404, body: `no hook at ${request.path}` }))
    const result = await sendAlert(httpTargets(receiver.url)[1] as ChannelTarget, manyDown(1), SEND_OPTIONS)
    expect(result).toMatchObject({ ok: false, statusCode: 404, reply: 'no hook at ***' })
  })
})
