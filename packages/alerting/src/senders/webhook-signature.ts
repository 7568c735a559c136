import { createHmac, timingSafeEqual } from 'node:crypto'

/** `sha256=<hex>`: HMAC-SHA256 with the channel's secret over `${timestamp}.${body}`. */
export function webhookSignature(secret: string, timestamp: number | string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/**
 * Whether a webhook request is genuine and fresh: `header` (X-MC-Signature) matches the body and
 * `timestamp` (X-MC-Timestamp), and the timestamp is within `toleranceS` of now, so a captured
 * request cannot be replayed later. `body` is the raw request body, byte for byte.
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: number | string | null | undefined,
  body: string,
  header: string | null | undefined,
  toleranceS = 300,
): boolean {
  if (!header || timestamp === null || timestamp === undefined) return false
  const sentAt = Number(timestamp)
  if (!Number.isInteger(sentAt) || Math.abs(Date.now() / 1000 - sentAt) > toleranceS) return false
  const expected = Buffer.from(webhookSignature(secret, timestamp, body))
  const given = Buffer.from(header)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
