import { type Attempt, REPLY_CHARS } from './attempt.ts'

/**
 * POSTs `body` to a receiver and reports its answer: 2xx is success. Network failures and the
 * timeout throw; `sendAlert` turns them into a failed attempt.
 */
export async function postToReceiver(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Attempt> {
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  })
  const reply = await replyStart(response)
  const ok = response.status >= 200 && response.status < 300
  return {
    ok,
    statusCode: response.status,
    reply: reply || null,
    error: ok ? null : `the receiver answered HTTP ${response.status}`,
  }
}

/** POSTs `payload` as JSON, all that Slack's and Discord's incoming webhooks take. */
export function postJsonToReceiver(url: string, payload: unknown, timeoutMs: number): Promise<Attempt> {
  return postToReceiver(url, JSON.stringify(payload), { 'Content-Type': 'application/json' }, timeoutMs)
}

/** The start of the answer; the rest is dropped unread, so a huge answer costs nothing. */
async function replyStart(response: Response): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  while (text.length < REPLY_CHARS) {
    const { done, value } = await reader.read()
    if (done) break
    text += decoder.decode(value, { stream: true })
  }
  await reader.cancel()
  return text.slice(0, REPLY_CHARS)
}
