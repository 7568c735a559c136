import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { LogFormat } from './config.ts'
import { createLogger } from './logger.ts'

function capture(format?: LogFormat) {
  const lines: string[] = []
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  return { lines, logger: createLogger({ service: 'test', level: 'info', format, destination }) }
}

const secrets = { token: 'gw-token-1', gateway: { token: 'gw-token-2', name: 'prod' }, password: 'pw' }

describe('createLogger', () => {
  it('writes JSON lines and redacts secret-looking fields wherever they are', () => {
    const { lines, logger } = capture()
    logger.info(secrets, 'saved')
    const text = lines.join('')
    expect(text).not.toMatch(/gw-token-1|gw-token-2|"pw"/)
    const entry = JSON.parse(lines[0] ?? '{}')
    expect(entry).toMatchObject({
      service: 'test',
      msg: 'saved',
      gateway: { name: 'prod', token: '[redacted]' },
    })
  })

  it('writes the same JSON when asked for json', () => {
    const { lines, logger } = capture('json')
    logger.warn({ err: 'connect ECONNREFUSED' }, 'redis connection error')
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      level: 40,
      service: 'test',
      msg: 'redis connection error',
      err: 'connect ECONNREFUSED',
    })
  })

  it('writes one short human line per entry in pretty format: time, level, service, message, error, fields', () => {
    const { lines, logger } = capture('pretty')
    logger.warn(
      { err: 'connect ECONNREFUSED 127.0.0.1:6379', queue: 'probe gateway' },
      'redis connection error',
    )
    expect(lines).toEqual([
      expect.stringMatching(
        /^\d\d:\d\d:\d\d WARN {2}test {3}redis connection error: connect ECONNREFUSED 127\.0\.0\.1:6379 queue="probe gateway"\n$/,
      ),
    ])
  })

  it('redacts secrets in pretty format too, and keeps a hostile value on its line', () => {
    const { lines, logger } = capture('pretty')
    logger.info({ ...secrets, name: 'a\nFATAL forged line' }, 'saved')
    const text = lines.join('')
    expect(text).not.toMatch(/gw-token-1|gw-token-2|=pw\b/)
    expect(text).toContain(
      'token=[redacted] gateway={"token":"[redacted]","name":"prod"} password=[redacted]',
    )
    expect(text.trimEnd().split('\n')).toHaveLength(1)
    expect(() => JSON.parse(text)).toThrow()
  })

  it('shows where an error was thrown in pretty format, below its line', () => {
    const { lines, logger } = capture('pretty')
    logger.error({ err: new Error('boom') }, 'unhandled error')
    const [line, ...frames] = (lines[0] ?? '').trimEnd().split('\n')
    expect(line).toMatch(/ ERROR test {3}unhandled error: boom$/)
    expect(frames.length).toBeGreaterThan(0)
    for (const frame of frames) expect(frame).toMatch(/^ {4}at /)
  })
})
