import { type HttpRecorder, startHttpRecorder } from '@mc/testing/http-recorder'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChannelTargetOf } from '../alert-message.ts'
import { sendAlert } from './send-alert.ts'
import { manyDown, messageOf, noticeOf, SEND_OPTIONS } from './test-messages.ts'

let receiver: HttpRecorder
beforeEach(async () => {
  receiver = await startHttpRecorder()
})
afterEach(() => receiver.close())

const ntfy = (priority?: string): ChannelTargetOf<'ntfy'> => ({
  type: 'ntfy',
  name: 'phone',
  config: { url: receiver.url('/mc-alerts'), ...(priority ? { priority } : {}) },
})

/** ntfy's RFC 2047 header words, decoded as ntfy does. */
const decodeHeader = (value: unknown) =>
  String(value).replace(/^=\?UTF-8\?B\?(.*)\?=$/, (_, base64: string) =>
    Buffer.from(base64, 'base64').toString(),
  )

describe('ntfy channel', () => {
  it('POSTs the text to the topic with title, priority and tags by severity, and a click link', async () => {
    const message = messageOf([noticeOf('gw-a', { url: 'https://mc.example/incidents/1' })])
    expect(await sendAlert(ntfy(), message, SEND_OPTIONS)).toMatchObject({ ok: true, statusCode: 200 })
    const [request] = await receiver.waitFor(1)
    expect(request?.path).toBe('/mc-alerts')
    expect(request?.body).toBe(
      '🔴 gw-a is offline: connect ECONNREFUSED 127.0.0.1:18789 (Gateway down, critical)',
    )
    expect(request?.headers).toMatchObject({
      title: '1 incident opened: gw-a',
      priority: 'urgent',
      tags: 'rotating_light',
      click: 'https://mc.example/incidents/1',
    })
  })

  it("uses the channel's priority, and the resolved tag when everything resolved", async () => {
    const message = messageOf([noticeOf('gw-a', { event: 'incident.resolved', resolvedAt: new Date() })])
    await sendAlert(ntfy('low'), message, SEND_OPTIONS)
    const [request] = await receiver.waitFor(1)
    expect(request?.headers).toMatchObject({ priority: 'low', tags: 'white_check_mark' })
    expect(request?.body).toMatch(/^✅ gw-a: Gateway down resolved after 12 min/)
  })

  it('lists what fits of 300 subjects in 4096 bytes, then "…and N more", with a UTF-8 title', async () => {
    await sendAlert(ntfy(), manyDown(300), SEND_OPTIONS)
    const [request] = await receiver.waitFor(1)
    const body = request?.body ?? ''
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(4096)
    const lines = body.split('\n')
    const more = lines.at(-1) ?? ''
    expect(more).toMatch(/^…and \d+ more$/)
    expect(lines.length - 1 + Number(more.replace(/\D/g, ''))).toBe(300)
    expect(decodeHeader(request?.headers.title)).toBe('300 incidents opened: gw-001, gw-002, gw-003, …')
  })
})
