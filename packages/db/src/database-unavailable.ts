/** Socket errors of a Postgres that cannot be reached (Node's codes). */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])

/** postgres.js's own codes for a connection that did not open in time, or was lost or ended. */
const CONNECTION_LOST = new Set([
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
])

/**
 * SQLSTATEs of a server that is going away, not ready, or too slow to answer: 57P01 admin shutdown,
 * 57P02 crash shutdown, 57P03 cannot connect now (starting or stopping), 53300 too many
 * connections, 57014 statement timeout; and all of class 08, connection exception.
 */
const SERVER_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300', '57014'])

function unavailableCode(code: unknown): boolean {
  return (
    typeof code === 'string' &&
    (UNREACHABLE.has(code) ||
      CONNECTION_LOST.has(code) ||
      SERVER_UNAVAILABLE.has(code) ||
      /^08[0-9A-Z]{3}$/.test(code))
  )
}

/**
 * Whether `error` means Postgres is down, unreachable or overwhelmed (worth a 503 and a retry), as
 * opposed to refusing this statement. Looks through drizzle's wrapping (`cause`).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (unavailableCode((current as { code?: unknown }).code)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}
