import { describe, expect, it } from 'vitest'
import { redactedMessage, redactSecrets } from './redact.ts'

describe('redactSecrets', () => {
  it('replaces every occurrence of every secret', () => {
    expect(redactSecrets('key mc_abc123 and again mc_abc123.', ['mc_abc123'])).toBe('key *** and again ***.')
    expect(redactSecrets('a=one-secret b=two-secret', ['one-secret', undefined, 'two-secret'])).toBe(
      'a=*** b=***',
    )
  })

  it('leaves text alone without secrets, and ignores tiny ones that would mangle words', () => {
    expect(redactSecrets('nothing here', [])).toBe('nothing here')
    expect(redactSecrets('abc abc', ['abc', ''])).toBe('abc abc')
  })

  it('redacts the message of anything thrown', () => {
    expect(redactedMessage(new Error('bad key mc_secret_42'), ['mc_secret_42'])).toBe('bad key ***')
    expect(redactedMessage('mc_secret_42 plain', ['mc_secret_42'])).toBe('*** plain')
  })
})
