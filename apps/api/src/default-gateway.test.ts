import { randomBytes } from 'node:crypto'
import { listGateways } from '@mc/db'
import { createTokenCipher } from '@mc/runtime'
import { useTestDatabase } from '@mc/testing'
import { describe, expect, it } from 'vitest'
import { apiConfigSchema } from './config.ts'
import { ensureDefaultGateway } from './default-gateway.ts'

const database = useTestDatabase()

describe('ensureDefaultGateway', () => {
  it('registers MC_DEFAULT_GATEWAY_* once as the primary, with the token encrypted', async () => {
    const key = randomBytes(32).toString('base64')
    const config = apiConfigSchema.parse({
      DATABASE_URL: database.url,
      REDIS_URL: 'redis://127.0.0.1:6379',
      MC_SECRET_KEY: key,
      MC_DEFAULT_GATEWAY_HOST: 'gw.internal',
      MC_DEFAULT_GATEWAY_PORT: '18800',
      MC_DEFAULT_GATEWAY_TOKEN: 'default-token',
    })
    const cipher = createTokenCipher(key)
    await Promise.all([1, 2, 3].map(() => ensureDefaultGateway(database.db, config, cipher)))
    await ensureDefaultGateway(database.db, { ...config, MC_DEFAULT_GATEWAY_NAME: 'another' }, cipher)
    const rows = await listGateways(database.db)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      name: 'Default gateway',
      host: 'gw.internal',
      port: 18800,
      isPrimary: true,
    })
    expect(cipher.decrypt(rows[0]?.token ?? '')).toBe('default-token')
    // Its age starts at boot, as for a token set by hand.
    expect(rows[0]?.tokenSetAt).toBeInstanceOf(Date)
  })

  it('rejects a default host that is not a usable address at boot', () => {
    const parse = () =>
      apiConfigSchema.parse({
        DATABASE_URL: database.url,
        REDIS_URL: 'redis://127.0.0.1:6379',
        MC_SECRET_KEY: randomBytes(32).toString('base64'),
        MC_DEFAULT_GATEWAY_HOST: 'ws://user:secret@gw',
      })
    expect(parse).toThrow(/credentials/)
  })
})
