import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  alertingConfigShape,
  commonConfigShape,
  envBoolean,
  envInt,
  envOptionalString,
  loadConfig,
} from './config.ts'
import { StartupError } from './startup-error.ts'

const schema = z.object(commonConfigShape)
const valid = { DATABASE_URL: 'postgres://u:p@db:5432/mc', REDIS_URL: 'redis://redis:6379' }

describe('loadConfig', () => {
  it('applies defaults to a minimal environment', () => {
    expect(loadConfig(schema, valid)).toMatchObject({
      REDIS_PREFIX: 'mc',
      LOG_LEVEL: 'info',
      MIGRATE_ON_START: true,
      SHUTDOWN_TIMEOUT_MS: 8000,
      DB_CONNECT_TIMEOUT_MS: 1500,
    })
  })

  it('names every bad variable in one line, once each', () => {
    let error: unknown
    try {
      loadConfig(schema, { DATABASE_URL: 'mysql://x', REDIS_URL: '', LOG_LEVEL: 'loud' })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(StartupError)
    const message = (error as Error).message
    expect(message).not.toContain('\n')
    expect(message).toContain('DATABASE_URL: must be a URL starting with postgres:// or postgresql://')
    expect(message).toContain('REDIS_URL: REDIS_URL is required')
    expect(message.match(/REDIS_URL:/g)).toHaveLength(1)
    expect(message).toContain('LOG_LEVEL')
  })

  it('reads booleans the way operators write them', () => {
    const flag = z.object({ F: envBoolean(true) })
    expect(loadConfig(flag, { F: 'off' }).F).toBe(false)
    expect(loadConfig(flag, { F: 'YES' }).F).toBe(true)
    expect(loadConfig(flag, {}).F).toBe(true)
    expect(() => loadConfig(flag, { F: 'maybe' })).toThrow(/expected true or false/)
  })
})

describe('an empty variable', () => {
  it('counts as unset, as docs/self-hosting.md says: every setting gets its default', () => {
    const schema = z.object({
      ...commonConfigShape,
      N: envInt(7),
      S: envOptionalString(),
      F: envBoolean(true),
    })
    const empty = { REDIS_PREFIX: '', LOG_LEVEL: '', MIGRATE_ON_START: '', N: '', S: '', F: '' }
    const config = loadConfig(schema, { ...valid, ...empty })
    expect(config).toMatchObject({
      REDIS_PREFIX: 'mc',
      LOG_LEVEL: 'info',
      MIGRATE_ON_START: true,
      N: 7,
      F: true,
    })
    expect(config.S).toBeUndefined()
  })

  it('is still missing when the variable is required', () => {
    expect(() => loadConfig(schema, { ...valid, DATABASE_URL: '' })).toThrow(
      'DATABASE_URL: DATABASE_URL is required',
    )
  })
})

describe('envInt', () => {
  it('rejects non-integers and values out of range', () => {
    const schema = z.object({ N: envInt(7, { min: 1, max: 10 }) })
    expect(loadConfig(schema, { N: '3' }).N).toBe(3)
    expect(() => loadConfig(schema, { N: '3.5' })).toThrow(/N:/)
    expect(() => loadConfig(schema, { N: '11' })).toThrow(/N:/)
  })
})

describe('alertingConfigShape', () => {
  const alerting = z.object(alertingConfigShape)

  it('is all optional, with a 10 s group wait', () => {
    expect(loadConfig(alerting, {})).toMatchObject({ ALERT_GROUP_WAIT_S: 10 })
    expect(loadConfig(alerting, {}).SMTP_URL).toBeUndefined()
  })

  it('takes smtp:// or smtps:// and http(s) URLs only, and a group wait of 0 to 300 s', () => {
    const config = loadConfig(alerting, {
      PUBLIC_URL: 'https://mc.example.com',
      SMTP_URL: 'smtps://alerts:pw@smtp.example.com:465',
      ALERT_GROUP_WAIT_S: '0',
    })
    expect(config).toMatchObject({
      SMTP_URL: 'smtps://alerts:pw@smtp.example.com:465',
      ALERT_GROUP_WAIT_S: 0,
    })
    expect(() => loadConfig(alerting, { SMTP_URL: 'http://smtp.example.com' })).toThrow(
      'SMTP_URL: must be a URL starting with smtp:// or smtps://',
    )
    expect(() => loadConfig(alerting, { PUBLIC_URL: 'mc.example.com' })).toThrow(/PUBLIC_URL: must be a URL/)
    expect(() => loadConfig(alerting, { ALERT_GROUP_WAIT_S: '301' })).toThrow(/ALERT_GROUP_WAIT_S:/)
  })

  it('never repeats the SMTP password in its error', () => {
    expect(() => loadConfig(alerting, { SMTP_URL: 'ftp://u:hunter2@smtp.example.com' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    )
  })
})
