import { describe, expect, it } from 'vitest'
import { socketFailure } from './socket-failure.ts'

const systemError = (code: string, message = code) => Object.assign(new Error(message), { code })

describe('socketFailure', () => {
  it('calls refused, reset and DNS failures unreachable', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']) {
      expect(socketFailure(systemError(code), true).kind).toBe('unreachable')
    }
    expect(socketFailure(systemError('ENOTFOUND'), true).message).toBe('host not found (ENOTFOUND)')
  })

  it('explains TLS failures', () => {
    expect(socketFailure(systemError('CERT_HAS_EXPIRED'), true)).toMatchObject({
      kind: 'tls',
      message: 'TLS: certificate has expired',
    })
    expect(
      socketFailure(systemError('ERR_TLS_CERT_ALTNAME_INVALID', 'Hostname/IP does not match'), true).message,
    ).toBe('TLS: Hostname/IP does not match')
  })

  it('calls a bad upgrade answer not a gateway', () => {
    expect(socketFailure(new Error('Invalid Sec-WebSocket-Accept header'), true)).toMatchObject({
      kind: 'not-gateway',
      message: 'not an OpenClaw gateway (Invalid Sec-WebSocket-Accept header)',
    })
    expect(socketFailure(systemError('WS_ERR_INVALID_OPCODE', 'Invalid opcode 7'), false).kind).toBe(
      'protocol',
    )
  })
})
