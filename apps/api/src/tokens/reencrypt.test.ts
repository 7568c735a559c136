import { randomBytes } from 'node:crypto'
import { createGateway, findGateway } from '@mc/db'
import { createTokenCipher } from '@mc/runtime'
import { useTestDatabase } from '@mc/testing'
import { describe, expect, it } from 'vitest'
import { reencryptTokens } from './reencrypt.ts'

const database = useTestDatabase()
const newKey = () => randomBytes(32).toString('base64')

describe('reencryptTokens', () => {
  it('moves every token to the new key, leaves token-less gateways alone, and is safe to repeat', async () => {
    const [oldKey, nextKey] = [newKey(), newKey()]
    const old = createTokenCipher(oldKey)
    const { db } = database
    const a = await createGateway(db, {
      name: 'a',
      host: 'a',
      port: 1,
      token: old.encrypt('token-a'),
      isPrimary: false,
    })
    const b = await createGateway(db, { name: 'b', host: 'b', port: 1, token: null, isPrimary: false })
    expect(await reencryptTokens(database.url, oldKey, nextKey)).toBe(1)
    const stored = (await findGateway(db, a.id))?.token ?? ''
    expect(createTokenCipher(nextKey).decrypt(stored)).toBe('token-a')
    expect(() => old.decrypt(stored)).toThrow()
    expect((await findGateway(db, b.id))?.token).toBeNull()
    expect(await reencryptTokens(database.url, oldKey, nextKey)).toBe(0)
  })

  it('changes nothing when a token fits neither key', async () => {
    const { db } = database
    const stranger = createTokenCipher(newKey()).encrypt('token-x')
    const gw = await createGateway(db, { name: 'x', host: 'x', port: 1, token: stranger, isPrimary: false })
    await expect(reencryptTokens(database.url, newKey(), newKey())).rejects.toThrow(/decrypts with neither/)
    expect((await findGateway(db, gw.id))?.token).toBe(stranger)
  })
})
