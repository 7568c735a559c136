import WebSocket from 'ws'

/** A bare WebSocket client for tests that must send what our own client never would. */
export interface RawClient {
  /** The next frame (parsed JSON, or the raw text if it is not JSON) that matches. */
  next(match?: (frame: RawFrame) => boolean, timeoutMs?: number): Promise<RawFrame>
  send(frame: unknown): void
  closed: Promise<{ code: number; reason: string }>
  close(): Promise<void>
}

// biome-ignore lint/suspicious/noExplicitAny: test frames are read field by field in assertions
export type RawFrame = any

export function openRaw(url: string, options: WebSocket.ClientOptions = {}): Promise<RawClient> {
  const socket = new WebSocket(url, { perMessageDeflate: false, ...options })
  const queue: RawFrame[] = []
  const waiters = new Set<() => void>()
  socket.on('message', (data) => {
    const text = String(data)
    try {
      queue.push(JSON.parse(text))
    } catch {
      queue.push(text)
    }
    for (const wake of waiters) wake()
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => {
      resolve({ code, reason: String(reason) })
      for (const wake of waiters) wake()
    })
  })
  const client: RawClient = {
    next(match = () => true, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const index = queue.findIndex(match)
          if (index >= 0) {
            done()
            resolve(queue.splice(index, 1)[0])
          } else if (socket.readyState === WebSocket.CLOSED) {
            done()
            reject(new Error('closed before the frame came'))
          }
        }
        const timer = setTimeout(() => {
          done()
          reject(new Error(`no matching frame within ${timeoutMs} ms`))
        }, timeoutMs)
        const done = () => {
          clearTimeout(timer)
          waiters.delete(check)
        }
        waiters.add(check)
        check()
      })
    },
    send: (frame) => socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    closed,
    async close() {
      if (socket.readyState !== WebSocket.CLOSED) socket.close(1000)
      await closed
    },
  }
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client))
    socket.once('error', reject)
  })
}

/** connect params exactly as the monitor's client sends them, with overrides. */
export function connectParams(token: string | undefined, overrides: Record<string, unknown> = {}) {
  return {
    minProtocol: 4,
    maxProtocol: 4,
    client: { id: 'gateway-client', version: '1.0.0', platform: 'linux', mode: 'backend' },
    role: 'operator',
    scopes: ['operator.read'],
    ...(token === undefined ? {} : { auth: { token } }),
    ...overrides,
  }
}

/** Opens a raw client, waits for the challenge and sends `connect`; returns the client and the answer. */
export async function rawConnect(url: string, params: unknown) {
  const client = await openRaw(url)
  const challenge = await client.next()
  client.send({ type: 'req', id: 'c1', method: 'connect', params })
  const answer = await client.next((frame) => frame?.id === 'c1')
  return { client, challenge, answer }
}

export async function rawRequest(client: RawClient, id: string, method: string, params: unknown = {}) {
  client.send({ type: 'req', id, method, params })
  return client.next((frame) => frame?.id === id)
}
