import { randomBytes } from 'node:crypto'
import { sealChannelConfig } from '@mc/alerting'
import {
  createAlertChannel,
  createGateway,
  findAlertChannel,
  findGateway,
  schema,
  setPendingToken,
} from '@mc/db'
import { createTokenCipher } from '@mc/runtime'
import { useTestDatabase } from '@mc/testing'
import { beforeEach, describe, expect, it } from 'vitest'
import { reencryptTokens } from './reencrypt.ts'

const database = useTestDatabase()
const newKey = () => randomBytes(32).toString('base64')

// Each case starts without stored secrets: one left by another, under another key, would stop it.
beforeEach(async () => {
  await database.db.delete(schema.gateways)
  await database.db.delete(schema.alertChannels)
})

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
    await setPendingToken(db, a.id, old.encrypt('pending-a'), 24)
    expect(await reencryptTokens(database.url, oldKey, nextKey)).toEqual({ tokens: 2, channelSecrets: 0 })
    const stored = (await findGateway(db, a.id))?.token ?? ''
    expect(createTokenCipher(nextKey).decrypt(stored)).toBe('token-a')
    expect(() => old.decrypt(stored)).toThrow()
    const pending = (await findGateway(db, a.id))?.pendingToken ?? ''
    expect(createTokenCipher(nextKey).decrypt(pending)).toBe('pending-a')
    expect((await findGateway(db, b.id))?.token).toBeNull()
    expect(await reencryptTokens(database.url, oldKey, nextKey)).toEqual({ tokens: 0, channelSecrets: 0 })
  })

  it('moves alert channel secrets too, leaving channels without secrets alone', async () => {
    const [oldKey, nextKey] = [newKey(), newKey()]
    const old = createTokenCipher(oldKey)
    const { db } = database
    const slackUrl = 'https://hooks.slack.example/services/T0/B0/secret'
    const slack = await createAlertChannel(db, {
      name: 'slack',
      type: 'slack',
      enabled: true,
      ...sealChannelConfig('slack', { url: slackUrl }, old),
    })
    const mail = await createAlertChannel(db, {
      name: 'mail',
      type: 'email',
      enabled: true,
      ...sealChannelConfig('email', { to: ['ops@example.com'] }, old),
    })
    expect(await reencryptTokens(database.url, oldKey, nextKey)).toEqual({ tokens: 0, channelSecrets: 1 })
    const stored = (await findAlertChannel(db, slack.id))?.secret ?? ''
    expect(JSON.parse(createTokenCipher(nextKey).decrypt(stored))).toEqual({ url: slackUrl })
    expect((await findAlertChannel(db, mail.id))?.secret).toBeNull()
    expect(await reencryptTokens(database.url, oldKey, nextKey)).toEqual({ tokens: 0, channelSecrets: 0 })
  })

  it('changes nothing when a token fits neither key', async () => {
    const { db } = database
    const stranger = createTokenCipher(newKey()).encrypt('token-x')
    const gw = await createGateway(db, { name: 'x', host: 'x', port: 1, token: stranger, isPrimary: false })
    await expect(reencryptTokens(database.url, newKey(), newKey())).rejects.toThrow(/decrypts with neither/)
    expect((await findGateway(db, gw.id))?.token).toBe(stranger)
  })

  it('changes nothing when a channel secret fits neither key, not even the tokens that would fit', async () => {
    const { db } = database
    const [oldKey, nextKey] = [newKey(), newKey()]
    const token = createTokenCipher(oldKey).encrypt('token-y')
    const gw = await createGateway(db, { name: 'y', host: 'y', port: 1, token, isPrimary: false })
    const stranger = createTokenCipher(newKey()).encrypt('{"secret":"x"}')
    const hook = await createAlertChannel(db, {
      name: 'hook',
      type: 'webhook',
      enabled: true,
      config: { url: 'https://hooks.example' },
      secret: stranger,
    })
    await expect(reencryptTokens(database.url, oldKey, nextKey)).rejects.toThrow(
      `alert channel ${hook.id}: its secret decrypts with neither`,
    )
    expect((await findGateway(db, gw.id))?.token).toBe(token)
    expect((await findAlertChannel(db, hook.id))?.secret).toBe(stranger)
  })
})
