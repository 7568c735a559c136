/**
 * Seconds to wait, from a `Retry-After` header: either delay-seconds (`"42"`) or an HTTP date.
 * Null when there is no header or it cannot be read; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs = Date.now()): number | null {
  const text = value?.trim()
  if (!text) return null
  if (/^\d+$/.test(text)) return Number(text)
  // An HTTP date always names its month ("Thu, 01 Jan 2026 12:00:30 GMT"); Date.parse alone would
  // also take "-5" for a year.
  const at = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN
  if (Number.isNaN(at)) return null
  return Math.max(0, Math.ceil((at - nowMs) / 1000))
}
