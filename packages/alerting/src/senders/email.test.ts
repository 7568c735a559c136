import { type SmtpRecorder, startSmtpRecorder } from '@mc/testing/smtp-recorder'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChannelTargetOf } from '../alert-message.ts'
import { sendAlert } from './send-alert.ts'
import { manyDown, messageOf, noticeOf } from './test-messages.ts'

const target: ChannelTargetOf<'email'> = {
  type: 'email',
  name: 'ops',
  config: { to: ['ops@example.com', 'oncall@example.com'] },
}

let smtp: SmtpRecorder
beforeEach(async () => {
  smtp = await startSmtpRecorder()
})
afterEach(() => smtp.close())

const options = () => ({
  smtp: { url: smtp.url, from: 'Mission Control <mc@example.com>' },
  timeoutMs: 5_000,
})

describe('email channel', () => {
  it('mails every recipient a subject, a plain-text and an HTML body with links', async () => {
    const message = messageOf(
      [
        noticeOf('gw-a', { url: 'https://mc.example/incidents/1' }),
        noticeOf('gw-b'),
        noticeOf('gw-c'),
        noticeOf('gw-d'),
      ],
      {
        dashboardUrl: 'https://mc.example/',
      },
    )
    const result = await sendAlert(target, message, options())
    expect(result).toMatchObject({ ok: true, statusCode: 250, error: null })
    expect(result.reply).toMatch(/^250 /)

    const [mail] = await smtp.waitFor(1)
    expect(mail?.from).toBe('"Mission Control" <mc@example.com>')
    expect(mail?.to).toEqual(['ops@example.com', 'oncall@example.com'])
    expect(mail?.subject).toBe('[Mission Control] 4 incidents opened: gw-a, gw-b, gw-c, …')
    expect(mail?.text).toContain(
      'gw-d is offline: connect ECONNREFUSED 127.0.0.1:18789 (Gateway down, critical)',
    )
    expect(mail?.text).toContain('  https://mc.example/incidents/1')
    expect(mail?.text).toContain('Dashboard: https://mc.example/')
    expect(mail?.html).toContain('<li>🔴 gw-a is offline')
    expect(mail?.html).toContain('<a href="https://mc.example/incidents/1">open</a>')
  })

  it('escapes HTML in subject names', async () => {
    await sendAlert(target, messageOf([noticeOf('<b>x</b>')]), options())
    const [mail] = await smtp.waitFor(1)
    expect(mail?.html).toContain('&lt;b&gt;x&lt;/b&gt; is offline')
    expect(mail?.html).not.toContain('<b>x</b>')
    expect(mail?.subject).toBe('[Mission Control] 1 incident opened: <b>x</b>')
  })

  it('lists all 300 subjects', async () => {
    await sendAlert(target, manyDown(300), options())
    const [mail] = await smtp.waitFor(1)
    expect(mail?.text.match(/ is offline/g)).toHaveLength(300)
  })

  it('fails clearly without SMTP settings', async () => {
    const result = await sendAlert(target, manyDown(1), { smtp: null, timeoutMs: 5_000 })
    expect(result).toMatchObject({ ok: false, statusCode: null, error: 'email needs SMTP_URL and SMTP_FROM' })
  })

  it('reports an unreachable SMTP server without its password', async () => {
    const closed = await startSmtpRecorder()
    await closed.close()
    const url = closed.url.replace('smtp://', 'smtp://mailer:hunter2-secret@')
    const result = await sendAlert(target, manyDown(1), {
      smtp: { url, from: 'mc@example.com' },
      timeoutMs: 5_000,
    })
    expect(result.ok).toBe(false)
    expect(result.error).toMatch(/ECONNREFUSED/)
    expect(JSON.stringify(result)).not.toContain('hunter2')
  })
})
