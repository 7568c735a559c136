import { hash, randomBytes, timingSafeEqual } from 'node:crypto'

/** URL-safe random secret with `bytes` of entropy. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

/**
 * Sign-in tokens and API keys are long random strings: a fast hash is enough to store them safely.
 * (Every request with a key hashes it: the one-shot `hash` costs a fraction of a Hash object.)
 */
export function sha256(value: string): string {
  return hash('sha256', value, 'hex')
}

/** Compares secrets in constant time (by their hashes, which have equal length). */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(sha256(a), 'hex'), Buffer.from(sha256(b), 'hex'))
}

export const API_KEY_PREFIX = 'mc_'

export function newApiKey(): { key: string; prefix: string } {
  const key = `${API_KEY_PREFIX}${randomSecret(32)}`
  return { key, prefix: key.slice(0, API_KEY_PREFIX.length + 6) }
}
