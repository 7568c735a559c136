import { randomBytes } from 'node:crypto'
import { createTokenCipher } from '@mc/runtime'
import { describe, expect, it } from 'vitest'
import {
  channelTarget,
  mergeChannelConfig,
  sealChannelConfig,
  touchesChannelSecret,
} from './channel-secrets.ts'

const cipher = createTokenCipher(randomBytes(32).toString('base64'))
const SLACK_URL = 'https://hooks.slack.example/services/T0/B0/xyz'

describe('channel secrets', () => {
  it('keeps secrets out of the shown config: a webhook secret, the whole Slack or Discord URL', () => {
    const hook = sealChannelConfig('webhook', { url: 'https://h.example/x', secret: 's'.repeat(16) }, cipher)
    expect(hook.config).toEqual({ url: 'https://h.example/x' })
    expect(JSON.parse(cipher.decrypt(hook.secret ?? ''))).toEqual({ secret: 's'.repeat(16) })
    for (const type of ['slack', 'discord'] as const) {
      const sealed = sealChannelConfig(type, { url: SLACK_URL }, cipher)
      expect(sealed.config).toEqual({ host: 'hooks.slack.example' })
      expect(channelTarget({ name: 'n', type, ...sealed }, cipher)).toEqual({
        type,
        name: 'n',
        config: { url: SLACK_URL },
      })
    }
    const mail = sealChannelConfig('email', { to: ['a@example.com'] }, cipher)
    expect(mail).toEqual({ config: { to: ['a@example.com'] }, secret: null })
    expect(sealChannelConfig('webhook', { url: 'https://h.example', secret: null }, cipher).secret).toBeNull()
  })

  it('merges a patch over the stored config: left-out secrets stay, a null webhook secret goes', () => {
    const stored = {
      type: 'webhook' as const,
      ...sealChannelConfig('webhook', { url: 'https://a.example', secret: 'k'.repeat(20) }, cipher),
    }
    expect(mergeChannelConfig(stored, { url: 'https://b.example' }, cipher)).toEqual({
      url: 'https://b.example',
      secret: 'k'.repeat(20),
    })
    expect(mergeChannelConfig(stored, { secret: null }, cipher)).toEqual({
      url: 'https://a.example',
      secret: null,
    })
    const slack = { type: 'slack' as const, ...sealChannelConfig('slack', { url: SLACK_URL }, cipher) }
    expect(mergeChannelConfig(slack, {}, cipher)).toEqual({ url: SLACK_URL })
    expect(touchesChannelSecret('webhook', { url: 'x' })).toBe(false)
    expect(touchesChannelSecret('webhook', { secret: null })).toBe(true)
    expect(touchesChannelSecret('slack', { url: 'x' })).toBe(true)
  })
})
