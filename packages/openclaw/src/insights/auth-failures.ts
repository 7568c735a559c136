import { z } from 'zod'
import type { GatewayClient } from '../client/gateway-client.ts'
import { GatewayError } from '../client/gateway-error.ts'
import { isRecord } from '../protocol/is-record.ts'

/** One failed handshake, from the gateway's log. */
export interface AuthFailure {
  /** Epoch ms. */
  at: number
  address: string
  /** The log's authReason, e.g. `token_mismatch`. */
  reason: string
}

export interface AuthFailurePage {
  /** Where the next call continues. */
  cursor: number
  /** The log shrank or was rotated since `cursor`. */
  reset: boolean
  /** Some lines since `cursor` were skipped (more than maxBytes or limit): failures may be missing. */
  truncated: boolean
  failures: AuthFailure[]
}

export type LogsClient = Pick<GatewayClient, 'request'>

/** Bytes and lines one `logs.tail` call reads by default (the gateway allows 1e6 and 5000). */
export const DEFAULT_LOG_TAIL_MAX_BYTES = 250_000
export const DEFAULT_LOG_TAIL_LIMIT = 1000
const MAX_ADDRESS_LENGTH = 100
const MAX_REASON_LENGTH = 64
// Most log lines are not failures: they are skipped before being parsed.
const FAILED_HANDSHAKE = /"handshake":\s*"failed"/

const tailSchema = z.looseObject({
  cursor: z.int().nonnegative(),
  lines: z.array(z.unknown()),
  truncated: z.boolean().optional().catch(undefined),
  reset: z.boolean().optional().catch(undefined),
})

/**
 * The failed handshakes logged since `cursor`, through `logs.tail` (operator.read; no method or event
 * counts them). `cursor` null starts at the log's end: one line is read and nothing old is counted.
 * The gateway jumps to the log's end on every call, keeping only the last `limit` lines of at most
 * `maxBytes`: a page that may have lost lines says `truncated`. Raw lines are never kept or returned.
 * Rejects with a GatewayError.
 */
export async function tailAuthFailures(
  client: LogsClient,
  cursor: number | null,
  options: { maxBytes?: number; limit?: number; signal?: AbortSignal } = {},
): Promise<AuthFailurePage> {
  const limit = clamp(options.limit ?? DEFAULT_LOG_TAIL_LIMIT, 1, 5000)
  const maxBytes = clamp(options.maxBytes ?? DEFAULT_LOG_TAIL_MAX_BYTES, 1, 1_000_000)
  const params =
    cursor === null ? { limit: 1, maxBytes: Math.min(maxBytes, 4096) } : { cursor, limit, maxBytes }
  const tail = tailSchema.safeParse(await client.request('logs.tail', params, { signal: options.signal }))
  if (!tail.success) {
    const message = 'unexpected logs.tail answer (no cursor or lines)'
    throw new GatewayError({ kind: 'protocol', method: 'logs.tail', message })
  }
  const { data } = tail
  if (cursor === null) return { cursor: data.cursor, reset: false, truncated: false, failures: [] }
  const failures: AuthFailure[] = []
  for (const line of data.lines) {
    const failure = parseAuthFailureLine(line)
    if (failure) failures.push(failure)
  }
  return {
    cursor: data.cursor,
    reset: data.reset === true,
    truncated: data.truncated === true || data.lines.length >= limit,
    failures,
  }
}

/**
 * A failed handshake's structured `closed before connect` entry (`handshake: "failed"`, with
 * `authReason` and `remoteAddr`), or null for any other line. Each failure also writes a text
 * `unauthorized conn=…` line just before it: that one is not counted, so each failure counts once.
 */
export function parseAuthFailureLine(line: unknown): AuthFailure | null {
  if (typeof line !== 'string' || !FAILED_HANDSHAKE.test(line)) return null
  let entry: unknown
  try {
    entry = JSON.parse(line)
  } catch {
    return null
  }
  if (!isRecord(entry)) return null
  const fields = Object.values(entry).find((value) => isRecord(value) && value.handshake === 'failed')
  if (!isRecord(fields)) return null
  const reason = word(fields.authReason) ?? word(fields.cause)
  const address =
    typeof fields.remoteAddr === 'string' ? fields.remoteAddr.slice(0, MAX_ADDRESS_LENGTH) : null
  if (!reason || !address || (fields.cause !== 'unauthorized' && typeof fields.authReason !== 'string'))
    return null
  return { at: loggedAt(entry) ?? Date.now(), address, reason }
}

function loggedAt(entry: Record<string, unknown>): number | null {
  const meta = isRecord(entry._meta) ? entry._meta : {}
  for (const value of [entry.time, meta.date]) {
    const at = typeof value === 'string' ? Date.parse(value) : Number.NaN
    if (Number.isFinite(at)) return at
  }
  return null
}

function word(value: unknown): string | null {
  return typeof value === 'string' && /^[\w.:-]+$/.test(value) ? value.slice(0, MAX_REASON_LENGTH) : null
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(value)))
}
