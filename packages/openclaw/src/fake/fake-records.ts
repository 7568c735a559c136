import type { IncomingHttpHeaders } from 'node:http'

/** What clients sent, for assertions. Each list keeps the latest MAX_RECORDS entries. */
export interface FakeRecords {
  /** Every HTTP request, upgrades included. */
  http: { method: string; url: string; headers: IncomingHttpHeaders; upgrade: boolean }[]
  /** Every WebSocket text frame clients sent, verbatim. */
  frames: string[]
  /** The params of every `connect` request, as sent. */
  connects: unknown[]
  /** Every request after a successful connect. */
  requests: { method: string; params: unknown }[]
  /** The close code of every WebSocket that ended (1000 = the client closed cleanly). */
  closes: number[]
  /** How long each hello-ok took, in ms from the `connect` request's arrival to the answer sent. */
  helloAnswersMs: number[]
}

export const MAX_RECORDS = 500

export function emptyRecords(): FakeRecords {
  return { http: [], frames: [], connects: [], requests: [], closes: [], helloAnswersMs: [] }
}

export function record<T>(list: T[], entry: T): void {
  list.push(entry)
  if (list.length > MAX_RECORDS) list.shift()
}
