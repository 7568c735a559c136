import { type HttpRecorder, startHttpRecorder } from '@mc/testing/http-recorder'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sendAlert } from './send-alert.ts'
import { manyDown, messageOf, noticeOf, SEND_OPTIONS } from './test-messages.ts'

interface SlackBody {
  text: string
  blocks: { type: string; text?: { type: string; text: string }; elements?: { text: string }[] }[]
}

let receiver: HttpRecorder
beforeEach(async () => {
  receiver = await startHttpRecorder()
})
afterEach(() => receiver.close())

async function sentToSlack(message: Parameters<typeof sendAlert>[1]): Promise<SlackBody> {
  const result = await sendAlert(
    { type: 'slack', name: 'ops', config: { url: receiver.url('/services/T0/B0/xyz') } },
    message,
    SEND_OPTIONS,
  )
  expect(result).toMatchObject({ ok: true, statusCode: 200 })
  const [request] = await receiver.waitFor(1)
  expect(request?.headers['content-type']).toBe('application/json')
  return JSON.parse(request?.body ?? '') as SlackBody
}

const sectionTexts = (body: SlackBody) =>
  body.blocks.filter((block) => block.type === 'section').map((block) => block.text?.text ?? '')

describe('slack channel', () => {
  it('sends a fallback text, a header, the subject with its status and error, and links back', async () => {
    const message = messageOf([noticeOf('gw-a', { url: 'https://mc.example/incidents/1' })], {
      dashboardUrl: 'https://mc.example/',
    })
    const body = await sentToSlack(message)
    expect(body.text).toBe('1 incident opened: gw-a')
    expect(body.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '1 incident opened: gw-a' },
    })
    expect(sectionTexts(body)).toEqual([
      '🔴 gw-a is offline: connect ECONNREFUSED 127.0.0.1:18789 (Gateway down, critical) <https://mc.example/incidents/1|open>',
    ])
    expect(body.blocks.at(-1)?.elements?.[0]?.text).toBe('<https://mc.example/|Open Mission Control>')
  })

  it('escapes the characters Slack reads as markup', async () => {
    const body = await sentToSlack(messageOf([noticeOf('<b>x</b> & co')]))
    expect(sectionTexts(body)[0]).toContain('&lt;b&gt;x&lt;/b&gt; &amp; co is offline')
  })

  it('lists all 300 subjects of one message within 50 blocks of at most 3000 characters', async () => {
    const body = await sentToSlack(manyDown(300))
    expect(body.blocks.length).toBeLessThanOrEqual(50)
    const texts = sectionTexts(body)
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(3000)
    const listed = texts.join('\n')
    for (let index = 1; index <= 300; index++)
      expect(listed).toContain(`gw-${String(index).padStart(3, '0')} is offline`)
    expect(listed).not.toContain('more')
  })

  it('ends with "…and N more" when even 50 blocks cannot hold every subject', async () => {
    const message = manyDown(3000)
    const body = await sentToSlack(message)
    expect(body.blocks.length).toBeLessThanOrEqual(50)
    const texts = sectionTexts(body)
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(3000)
    const listed = texts.join('\n').split('\n')
    const more = listed.at(-1) ?? ''
    expect(more).toMatch(/^…and \d+ more$/)
    expect(listed.length - 1 + Number(more.replace(/\D/g, ''))).toBe(3000)
  })
})
