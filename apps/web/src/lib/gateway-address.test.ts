import { describe, expect, it } from 'vitest'
import { gatewayAddress, isSecureUrlHost } from './gateway-address.ts'

describe('gatewayAddress', () => {
  it('shows host:port for hostnames and IPv4, as the seed does', () => {
    expect(gatewayAddress('10.0.1.50', 18789)).toBe('10.0.1.50:18789')
    expect(gatewayAddress('gw.internal', 443)).toBe('gw.internal:443')
  })

  it('brackets IPv6 addresses', () => {
    expect(gatewayAddress('::1', 18789)).toBe('[::1]:18789')
    expect(gatewayAddress('[fd00::5]', 18789)).toBe('[fd00::5]:18789')
  })

  it('shows URL hosts as their full URL with the port', () => {
    expect(gatewayAddress('wss://gw.example.com/openclaw', 8443)).toBe('wss://gw.example.com:8443/openclaw')
    expect(gatewayAddress('ws://gw.example.com', 18789)).toBe('ws://gw.example.com:18789')
  })
})

describe('isSecureUrlHost', () => {
  it('is true for wss:// only', () => {
    expect(isSecureUrlHost('wss://gw.example.com')).toBe(true)
    expect(isSecureUrlHost(' WSS://gw')).toBe(true)
    expect(isSecureUrlHost('ws://gw.example.com')).toBe(false)
    expect(isSecureUrlHost('gw.example.com')).toBe(false)
  })
})
