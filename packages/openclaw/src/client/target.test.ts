import { describe, expect, it } from 'vitest'
import { healthUrl, targetUrl, tokenRedactor } from './target.ts'

describe('gateway addresses', () => {
  it('brackets IPv6 and keeps ws/wss URLs', () => {
    expect(targetUrl({ host: '::1', port: 18789, token: null })).toBe('ws://[::1]:18789')
    expect(targetUrl({ host: 'gw.example', port: 1, token: null })).toBe('ws://gw.example:1')
    expect(targetUrl({ host: 'wss://gw.example/oc', port: 443, token: null })).toBe('wss://gw.example/oc')
    expect(targetUrl({ host: 'wss://gw.example/oc', port: 8443, token: null })).toBe(
      'wss://gw.example:8443/oc',
    )
  })

  it('puts /health beside the WebSocket, over https for wss', () => {
    expect(healthUrl({ host: '10.0.0.1', port: 18789, token: null }).href).toBe(
      'http://10.0.0.1:18789/health',
    )
    expect(healthUrl({ host: 'wss://gw.example/oc', port: 8443, token: null }).href).toBe(
      'https://gw.example:8443/oc/health',
    )
  })

  it('redacts every occurrence of the token', () => {
    expect(tokenRedactor('s3cret')('a s3cret b s3cret')).toBe('a [redacted] b [redacted]')
    expect(tokenRedactor(null)('a s3cret')).toBe('a s3cret')
  })
})
