import { describe, expect, it } from 'vitest'
import { GatewayError } from '../client/gateway-error.ts'
import { tokenRedactor } from '../client/target.ts'
import { describeFailure } from './describe-failure.ts'
import { failedProbe, MAX_ERROR_LENGTH } from './probe-reading.ts'

const rejected = (method: string, error: Parameters<typeof GatewayError.fromResponse>[1]) =>
  describeFailure(GatewayError.fromResponse(method, error), 5000)

describe('describeFailure', () => {
  it('names the fix for handshake rejections', () => {
    expect(
      rejected('connect', {
        code: 'NOT_PAIRED',
        message: 'x',
        details: { code: 'DEVICE_IDENTITY_REQUIRED' },
      }),
    ).toEqual({
      status: 'error',
      error: "gateway requires a token: set this gateway's token (DEVICE_IDENTITY_REQUIRED)",
    })
    expect(
      rejected('connect', { code: 'INVALID_REQUEST', message: 'x', details: { code: 'PROTOCOL_MISMATCH' } })
        .error,
    ).toBe('protocol mismatch: gateway does not accept protocol 4')
    expect(
      rejected('connect', {
        code: 'UNAVAILABLE',
        message: 'draining',
        retryAfterMs: 2000,
        details: { reason: 'gateway-restarting' },
      }).error,
    ).toBe('gateway unavailable (gateway-restarting) (retry in 2000 ms)')
    expect(rejected('connect', { code: 'INVALID_REQUEST', message: 'at /client/id: bad' }).error).toBe(
      'gateway rejected the connection: INVALID_REQUEST (at /client/id: bad)',
    )
  })

  it('says which scope a list call lacked', () => {
    const error = {
      code: 'FORBIDDEN',
      message: 'missing scope: operator.read',
      details: { code: 'MISSING_SCOPE', missingScope: 'operator.read' },
    }
    expect(rejected('agents.list', error).error).toBe(
      'token lacks scope operator.read (needed for agents.list)',
    )
    expect(rejected('sessions.list', { code: 'UNAVAILABLE', message: 'busy' }).error).toBe(
      'sessions.list failed: UNAVAILABLE (busy)',
    )
  })

  it('maps kinds to statuses', () => {
    const of = (kind: GatewayError['kind']) =>
      describeFailure(new GatewayError({ kind, message: 'm' }), 5000).status
    expect(of('unreachable')).toBe('offline')
    expect(of('timeout')).toBe('timeout')
    for (const kind of ['tls', 'not-gateway', 'closed', 'protocol', 'aborted', 'invalid-target'] as const) {
      expect(of(kind)).toBe('error')
    }
  })
})

describe('failedProbe', () => {
  it('bounds the error and never shows the token', () => {
    const token = 'tok-123456'
    const result = failedProbe(
      'websocket',
      'error',
      `echo ${token} ${'x'.repeat(1000)}`,
      tokenRedactor(token),
    )
    expect(result.error?.length).toBeLessThanOrEqual(MAX_ERROR_LENGTH)
    expect(result.error).toContain('[redacted]')
    expect(JSON.stringify(result)).not.toContain(token)
  })
})
