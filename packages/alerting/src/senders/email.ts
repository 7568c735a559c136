import { createTransport, type Transporter } from 'nodemailer'
import type { AlertMessage, ChannelTargetOf, SendOptions } from '../alert-message.ts'
import type { Attempt } from './attempt.ts'
import { messageLines, messageTitle } from './notice-text.ts'

const SUBJECT_PREFIX = '[Mission Control]'

/** One transport per SMTP URL and timeout: building one is cheap, but there is no need to repeat it. */
const transports = new Map<string, Transporter>()

export interface AlertEmail {
  subject: string
  text: string
  html: string
}

/** The mail for a message: every notice, as plain text and as HTML. */
export function alertEmail(message: AlertMessage): AlertEmail {
  const title = messageTitle(message)
  const lines = messageLines(message)
  const links = lines.map((_, index) => message.notices[index]?.url ?? null)
  const text = [
    title,
    '',
    ...lines.flatMap((line, index) => (links[index] ? [line, `  ${links[index]}`] : [line])),
    ...(message.dashboardUrl ? ['', `Dashboard: ${message.dashboardUrl}`] : []),
  ].join('\n')
  const items = lines.map((line, index) => {
    const link = links[index]
    return `<li>${escapeHtml(line)}${link ? ` <a href="${escapeHtml(link)}">open</a>` : ''}</li>`
  })
  const html = [
    `<h2>${escapeHtml(title)}</h2>`,
    `<ul>\n${items.join('\n')}\n</ul>`,
    ...(message.dashboardUrl
      ? [`<p><a href="${escapeHtml(message.dashboardUrl)}">Open Mission Control</a></p>`]
      : []),
  ].join('\n')
  return { subject: `${SUBJECT_PREFIX} ${title}`, text, html }
}

export async function sendEmail(
  target: ChannelTargetOf<'email'>,
  message: AlertMessage,
  options: SendOptions,
): Promise<Attempt> {
  if (!options.smtp)
    return { ok: false, statusCode: null, reply: null, error: 'email needs SMTP_URL and SMTP_FROM' }
  const info = await transportFor(options.smtp.url, options.timeoutMs).sendMail({
    from: options.smtp.from,
    to: target.config.to,
    ...alertEmail(message),
  })
  return { ok: true, statusCode: replyCode(info.response), reply: info.response ?? null, error: null }
}

function transportFor(url: string, timeoutMs: number): Transporter {
  const key = `${timeoutMs} ${url}`
  let transport = transports.get(key)
  if (!transport) {
    transport = createTransport({
      url,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    })
    transports.set(key, transport)
  }
  return transport
}

/** "250 2.0.0 OK: queued" → 250. */
export function replyCode(reply: string | undefined): number | null {
  const code = Number.parseInt(reply ?? '', 10)
  return Number.isNaN(code) ? null : code
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}
