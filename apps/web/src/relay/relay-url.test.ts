import { describe, expect, it } from 'vitest'
import { relaySocketUrl } from './relay-url.ts'

describe('relaySocketUrl', () => {
  it('uses ws: under http: and wss: under https:, on the page’s host and port', () => {
    expect(relaySocketUrl({ protocol: 'http:', host: '127.0.0.1:3000' }, 7)).toBe(
      'ws://127.0.0.1:3000/api/gateways/7/live',
    )
    expect(relaySocketUrl({ protocol: 'https:', host: 'mc.example.com' }, 7)).toBe(
      'wss://mc.example.com/api/gateways/7/live',
    )
  })
})
