import type { AlertSeverity } from '@mc/shared'
import type { AlertMessage, ChannelTargetOf, SendOptions } from '../alert-message.ts'
import type { Attempt } from './attempt.ts'
import { postToReceiver } from './http-post.ts'
import { fitLines, gravestOpenSeverity, messageLines, messageTitle, messageUrl } from './notice-text.ts'

/** ntfy keeps a larger message as an attachment instead of showing it. */
const BODY_BYTES = 4096

const SEVERITY_PRIORITIES: Record<AlertSeverity, string> = {
  critical: 'urgent',
  warning: 'high',
  info: 'default',
}
const SEVERITY_TAGS: Record<AlertSeverity, string> = {
  critical: 'rotating_light',
  warning: 'warning',
  info: 'information_source',
}

/** The request ntfy's publish API takes: the text as the body, everything else in headers. */
export function ntfyRequest(
  target: ChannelTargetOf<'ntfy'>,
  message: AlertMessage,
): { body: string; headers: Record<string, string> } {
  const gravest = gravestOpenSeverity(message.notices)
  const url = messageUrl(message)
  const headers: Record<string, string> = {
    'Content-Type': 'text/plain; charset=utf-8',
    Title: encodeHeader(messageTitle(message)),
    Priority: target.config.priority ?? (gravest ? SEVERITY_PRIORITIES[gravest] : 'default'),
    Tags: gravest ? SEVERITY_TAGS[gravest] : message.event === 'test' ? 'test_tube' : 'white_check_mark',
  }
  if (url) headers.Click = url
  return { body: fitLines(messageLines(message), BODY_BYTES, (text) => Buffer.byteLength(text)), headers }
}

export function sendNtfy(
  target: ChannelTargetOf<'ntfy'>,
  message: AlertMessage,
  options: SendOptions,
): Promise<Attempt> {
  const { body, headers } = ntfyRequest(target, message)
  return postToReceiver(target.config.url, body, headers, options.timeoutMs)
}

/** HTTP headers are ASCII; ntfy decodes RFC 2047 words, so names and "…" survive. */
function encodeHeader(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`
}
