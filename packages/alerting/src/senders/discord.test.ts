import { type HttpRecorder, startHttpRecorder } from '@mc/testing/http-recorder'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sendAlert } from './send-alert.ts'
import { manyDown, messageOf, noticeOf, SEND_OPTIONS } from './test-messages.ts'

interface DiscordBody {
  content: string
  allowed_mentions: { parse: string[] }
  embeds: {
    title: string
    url?: string
    description: string
    color: number
    fields: { name: string; value: string }[]
  }[]
}

let receiver: HttpRecorder
beforeEach(async () => {
  receiver = await startHttpRecorder({ respondWith: () => 204 })
})
afterEach(() => receiver.close())

async function sentToDiscord(message: Parameters<typeof sendAlert>[1]): Promise<DiscordBody> {
  const target = {
    type: 'discord',
    name: 'ops',
    config: { url: receiver.url('/api/webhooks/1/token') },
  } as const
  const result = await sendAlert(target, message, SEND_OPTIONS)
  expect(result).toMatchObject({ ok: true, statusCode: 204, error: null })
  const [request] = await receiver.waitFor(1)
  expect(request?.headers['content-type']).toBe('application/json')
  return JSON.parse(request?.body ?? '') as DiscordBody
}

const embedChars = (embed: DiscordBody['embeds'][number]) =>
  embed.title.length +
  embed.description.length +
  embed.fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0)

describe('discord channel', () => {
  it('sends the title as content and an embed coloured by severity, with counts and a link', async () => {
    const message = messageOf([noticeOf('gw-a', { url: 'https://mc.example/incidents/1' })])
    const body = await sentToDiscord(message)
    expect(body.content).toBe('**1 incident opened: gw-a**\nhttps://mc.example/incidents/1')
    expect(body.allowed_mentions).toEqual({ parse: [] })
    expect(body.embeds).toHaveLength(1)
    expect(body.embeds[0]).toMatchObject({
      title: '1 incident opened: gw-a',
      url: 'https://mc.example/incidents/1',
      color: 0xe01e5a,
      fields: [{ name: 'Opened', value: '1', inline: true }],
    })
    expect(body.embeds[0]?.description).toBe(
      '🔴 gw-a is offline: connect ECONNREFUSED 127.0.0.1:18789 (Gateway down, critical) [open](https://mc.example/incidents/1)',
    )
  })

  it('is green and says how long it lasted when everything resolved', async () => {
    const openedAt = new Date(Date.now() - 12 * 60_000)
    const body = await sentToDiscord(
      messageOf([
        noticeOf('gw-a', {
          event: 'incident.resolved',
          openedAt,
          resolvedAt: new Date(openedAt.getTime() + 12 * 60_000),
        }),
      ]),
    )
    expect(body.embeds[0]?.color).toBe(0x2eb67d)
    expect(body.embeds[0]?.description).toBe('✅ gw-a: Gateway down resolved after 12 min')
  })

  it('lists what fits of 300 subjects within the limits, then "…and N more"', async () => {
    const body = await sentToDiscord(manyDown(300))
    expect(body.content.length).toBeLessThanOrEqual(2000)
    expect(body.embeds.length).toBeLessThanOrEqual(10)
    const [embed] = body.embeds
    if (!embed) throw new Error('no embed')
    expect(embed.description.length).toBeLessThanOrEqual(4096)
    expect(embedChars(embed)).toBeLessThanOrEqual(6000)
    const lines = embed.description.split('\n')
    const more = lines.at(-1) ?? ''
    expect(more).toMatch(/^…and \d+ more$/)
    expect(lines.length - 1 + Number(more.replace(/\D/g, ''))).toBe(300)
  })
})
