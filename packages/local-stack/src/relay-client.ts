import { type LiveMessage, type LiveStateMessage, liveMessageSchema } from '@mc/shared'
import WebSocket from 'ws'

export interface RelayClient {
  /** Waits for the next message (after the last one waited for) that matches; each is checked against the contract. */
  next(predicate?: (message: LiveMessage) => boolean, timeoutMs?: number): Promise<LiveMessage>
  /** Settles when the API closes the socket (or it drops). */
  closed: Promise<{ code: number; reason: string }>
  close(): Promise<void>
}

/**
 * A browser-like client of `/api/gateways/:id/live`: opens the socket with the given headers
 * (cookie, origin, or a key) and records every raw frame into `frames`, for leak checks.
 */
export function openRelay(
  url: string,
  headers: Record<string, string>,
  frames: string[],
): Promise<RelayClient> {
  const socket = new WebSocket(url, { headers, perMessageDeflate: false })
  const received: LiveMessage[] = []
  let cursor = 0
  let wake = () => {}
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => {
      resolve({ code, reason: String(reason) })
      wake()
    })
  })
  socket.on('message', (data) => {
    const text = String(data)
    frames.push(text)
    received.push(liveMessageSchema.parse(JSON.parse(text)))
    wake()
  })

  async function next(predicate: (message: LiveMessage) => boolean = () => true, timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      while (cursor < received.length) {
        const message = received[cursor++] as LiveMessage
        if (predicate(message)) return message
      }
      if (socket.readyState === WebSocket.CLOSED) throw new Error('socket closed while waiting')
      const left = deadline - Date.now()
      if (left <= 0)
        throw new Error(`no matching message within ${timeoutMs} ms: ${JSON.stringify(received)}`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
    }
  }

  const client: RelayClient = {
    next,
    closed,
    async close() {
      if (socket.readyState !== WebSocket.CLOSED) socket.close(1000)
      await closed
    },
  }
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client))
    socket.once('unexpected-response', (_request, response) => {
      response.resume()
      reject(Object.assign(new Error(`HTTP ${response.statusCode}`), { status: response.statusCode }))
      socket.terminate()
    })
    socket.once('error', reject)
  })
}

/** The next `state` message that passes `test`. */
export const nextState = (
  relay: RelayClient,
  test: (message: LiveStateMessage) => boolean,
  timeoutMs: number,
) =>
  relay.next(
    (message: LiveMessage) => message.type === 'state' && test(message),
    timeoutMs,
  ) as Promise<LiveStateMessage>

/** The HTTP status the API refuses the upgrade with (rejects if it is accepted). */
export async function refusedStatus(url: string, headers: Record<string, string>): Promise<number> {
  try {
    const client = await openRelay(url, headers, [])
    await client.close()
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status !== undefined) return status
    throw error
  }
  throw new Error('the upgrade was accepted')
}
