import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from './logger.ts'

describe('createLogger', () => {
  it('writes JSON lines and redacts secret-looking fields wherever they are', () => {
    const lines: string[] = []
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const logger = createLogger({ service: 'test', level: 'info', destination })
    logger.info(
      { token: 'gw-token-1', gateway: { token: 'gw-token-2', name: 'prod' }, password: 'pw' },
      'saved',
    )
    const text = lines.join('')
    expect(text).not.toMatch(/gw-token-1|gw-token-2|"pw"/)
    const entry = JSON.parse(lines[0] ?? '{}')
    expect(entry).toMatchObject({
      service: 'test',
      msg: 'saved',
      gateway: { name: 'prod', token: '[redacted]' },
    })
  })
})
