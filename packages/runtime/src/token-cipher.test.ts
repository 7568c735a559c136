import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createTokenCipher, secretKeySchema, TokenDecryptError } from './token-cipher.ts'

const key = () => randomBytes(32).toString('base64')

describe('token cipher', () => {
  it('round-trips, never stores the plaintext, and uses a fresh IV each time', () => {
    const cipher = createTokenCipher(key())
    const a = cipher.encrypt('gw-secret-token')
    const b = cipher.encrypt('gw-secret-token')
    expect(a).not.toContain('gw-secret-token')
    expect(a).not.toBe(b)
    expect(a).toMatch(/^v1:/)
    expect(cipher.decrypt(a)).toBe('gw-secret-token')
  })

  it('refuses another key and tampering', () => {
    const cipher = createTokenCipher(key())
    const stored = cipher.encrypt('gw-secret-token')
    expect(() => createTokenCipher(key()).decrypt(stored)).toThrow(TokenDecryptError)
    const [v, iv, tag, data = ''] = stored.split(':')
    const bytes = Buffer.from(data, 'base64')
    bytes[0] = (bytes[0] ?? 0) ^ 1
    const flipped = `${v}:${iv}:${tag}:${bytes.toString('base64')}`
    expect(() => cipher.decrypt(flipped)).toThrow(TokenDecryptError)
  })

  it('accepts only 32-byte base64 keys', () => {
    expect(secretKeySchema.safeParse(key()).success).toBe(true)
    expect(secretKeySchema.safeParse(randomBytes(16).toString('base64')).success).toBe(false)
    expect(secretKeySchema.safeParse('not base64 at all!').success).toBe(false)
  })
})
