import { errorMessage } from '@mc/shared'
import type { AlertMessage, ChannelTarget, SendOptions, SendResult } from '../alert-message.ts'
import { type Attempt, REPLY_CHARS } from './attempt.ts'
import { sendDiscord } from './discord.ts'
import { replyCode, sendEmail } from './email.ts'
import { clip } from './notice-text.ts'
import { sendNtfy } from './ntfy.ts'
import { sendSlack } from './slack.ts'
import { sendWebhook } from './webhook.ts'

/** Longest `error` kept: one line for the delivery log. */
const ERROR_CHARS = 300

/**
 * Sends one message to one channel, once (retries are the queue's job), and says how it went.
 * Never throws, and never reports a secret: the channel's URL where it is one, its webhook secret,
 * the SMTP URL and password are cut out of `error` and `reply`.
 */
export async function sendAlert(
  target: ChannelTarget,
  message: AlertMessage,
  options: SendOptions,
): Promise<SendResult> {
  const started = performance.now()
  const attempt = await dispatch(target, message, options).catch((error: unknown) =>
    failedAttempt(error, options),
  )
  const secrets = secretsOf(target, options)
  return {
    ...attempt,
    reply: attempt.reply === null ? null : clip(hideSecrets(attempt.reply, secrets), REPLY_CHARS),
    error: attempt.error === null ? null : oneLine(hideSecrets(attempt.error, secrets)),
    durationMs: Math.round(performance.now() - started),
  }
}

// async, so that a sender throwing before its first await still ends in `failedAttempt`.
async function dispatch(
  target: ChannelTarget,
  message: AlertMessage,
  options: SendOptions,
): Promise<Attempt> {
  switch (target.type) {
    case 'webhook':
      return sendWebhook(target, message, options)
    case 'slack':
      return sendSlack(target, message, options)
    case 'discord':
      return sendDiscord(target, message, options)
    case 'email':
      return sendEmail(target, message, options)
    case 'ntfy':
      return sendNtfy(target, message, options)
  }
}

/** A thrown error as an attempt: a timeout, a refused connection, an SMTP rejection. */
function failedAttempt(error: unknown, options: SendOptions): Attempt {
  // SMTP errors carry the server's reply; fetch errors hide the reason in `cause`.
  const smtp = error as { response?: unknown; responseCode?: unknown }
  const reply = typeof smtp.response === 'string' ? smtp.response : null
  const statusCode = typeof smtp.responseCode === 'number' ? smtp.responseCode : replyCode(reply ?? undefined)
  return { ok: false, statusCode, reply, error: describe(error, options.timeoutMs) }
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return `no answer within ${timeoutMs} ms`
  const cause = error instanceof Error && error.cause !== undefined ? errorMessage(error.cause) : null
  if (cause) return `cannot reach the receiver: ${cause}`
  return errorMessage(error)
}

function secretsOf(target: ChannelTarget, options: SendOptions): string[] {
  const secrets: string[] = []
  // Slack and Discord webhook URLs are credentials, in full and in their path.
  if (target.type === 'slack' || target.type === 'discord')
    secrets.push(target.config.url, ...urlParts(target.config.url))
  if (target.type === 'webhook' && target.config.secret) secrets.push(target.config.secret)
  if (target.type === 'email' && options.smtp) secrets.push(options.smtp.url, ...urlParts(options.smtp.url))
  return secrets.filter((secret) => secret.length > 0)
}

/** The parts of a URL that can hold a credential: its path and query, its password. */
function urlParts(text: string): string[] {
  if (!URL.canParse(text)) return []
  const url = new URL(text)
  const path = `${url.pathname}${url.search}`
  return [
    ...(path.length > 1 ? [path] : []),
    ...(url.password ? [url.password, decodedOrAsIs(url.password)] : []),
  ]
}

function decodedOrAsIs(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function hideSecrets(text: string, secrets: string[]): string {
  return secrets.reduce((hidden, secret) => hidden.replaceAll(secret, '***'), text)
}

function oneLine(text: string): string {
  return clip(text.replace(/\s+/g, ' ').trim(), ERROR_CHARS)
}
