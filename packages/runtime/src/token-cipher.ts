import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { z } from 'zod'

const VERSION = 'v1'
const ALGORITHM = 'aes-256-gcm'
const IV_BYTES = 12

/** MC_SECRET_KEY: 32 random bytes, base64 (`openssl rand -base64 32`). */
export const secretKeySchema = z
  .string({ error: 'MC_SECRET_KEY is required (generate one with: openssl rand -base64 32)' })
  .refine((value) => Buffer.from(value, 'base64').length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(value), {
    message: 'must be 32 random bytes in base64 (generate one with: openssl rand -base64 32)',
  })

export class TokenDecryptError extends Error {
  override name = 'TokenDecryptError'
}

/** Encrypts gateway tokens at rest with AES-256-GCM: `v1:<iv>:<tag>:<ciphertext>` in base64. */
export function createTokenCipher(secretKey: string) {
  const key = Buffer.from(secretKey, 'base64')
  if (key.length !== 32) throw new Error('MC_SECRET_KEY must decode to 32 bytes')
  const aad = Buffer.from('mission-control:gateway-token')

  return {
    encrypt(plaintext: string): string {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv(ALGORITHM, key, iv)
      cipher.setAAD(aad)
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return [
        VERSION,
        iv.toString('base64'),
        cipher.getAuthTag().toString('base64'),
        data.toString('base64'),
      ].join(':')
    },
    decrypt(stored: string): string {
      const [version, iv, tag, data] = stored.split(':')
      if (version !== VERSION || !iv || !tag || data === undefined)
        throw new TokenDecryptError('unrecognised token format')
      try {
        const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64'))
        decipher.setAAD(aad)
        decipher.setAuthTag(Buffer.from(tag, 'base64'))
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString(
          'utf8',
        )
      } catch {
        throw new TokenDecryptError(
          'cannot decrypt the gateway token: MC_SECRET_KEY differs from the one that encrypted it',
        )
      }
    },
  }
}

export type TokenCipher = ReturnType<typeof createTokenCipher>
