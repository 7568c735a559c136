import { describe, expect, it } from 'vitest'
import { makeGateway } from '../testing/fixtures.ts'
import {
  createGatewayBody,
  EMPTY_GATEWAY_FORM,
  gatewayFormValues,
  updateGatewayBody,
} from './gateway-form.ts'

describe('createGatewayBody', () => {
  it('trims name and host, sends the port as a number and no token when empty', () => {
    const body = createGatewayBody({ ...EMPTY_GATEWAY_FORM, name: ' Prod ', host: ' 10.0.1.50 ' }, false)
    expect(body).toEqual({
      name: 'Prod',
      host: '10.0.1.50',
      port: 18789,
      token: undefined,
      is_primary: false,
      tls_insecure: false,
      failover_priority: null,
      session_idle_s: null,
      session_stuck_s: null,
      rotate_every_days: null,
    })
  })

  it('sends an empty rotation schedule as null (off), typed days as a number for the API to judge', () => {
    const form = { ...EMPTY_GATEWAY_FORM, name: 'a', host: 'b' }
    expect(createGatewayBody({ ...form, rotateEveryDays: ' 30 ' }, false).rotate_every_days).toBe(30)
    expect(createGatewayBody({ ...form, rotateEveryDays: 'monthly' }, false).rotate_every_days).toBe(0)
  })

  it('sends empty session thresholds as null (the default), typed ones as numbers for the API to judge', () => {
    const form = { ...EMPTY_GATEWAY_FORM, name: 'a', host: 'b' }
    expect(createGatewayBody({ ...form, sessionIdleS: ' 600 ', sessionStuckS: '' }, false)).toMatchObject({
      session_idle_s: 600,
      session_stuck_s: null,
    })
    expect(createGatewayBody({ ...form, sessionStuckS: 'soon' }, false).session_stuck_s).toBe(0)
  })

  it('sends an empty standby priority as null (no standby), a typed one as a number for the API to judge', () => {
    const form = { ...EMPTY_GATEWAY_FORM, name: 'a', host: 'b' }
    expect(createGatewayBody({ ...form, failoverPriority: ' 3 ' }, false).failover_priority).toBe(3)
    expect(createGatewayBody({ ...form, failoverPriority: '2000' }, false).failover_priority).toBe(2000)
    expect(createGatewayBody({ ...form, failoverPriority: '1.5' }, false).failover_priority).toBe(1.5)
    // Not NaN, which JSON would send as null and so silently as "no standby".
    expect(createGatewayBody({ ...form, failoverPriority: 'first' }, false).failover_priority).toBe(0)
  })

  it('leaves a bad port for the API to judge, and an empty one to its default', () => {
    const form = { ...EMPTY_GATEWAY_FORM, name: 'a', host: 'b' }
    expect(createGatewayBody({ ...form, port: '70000' }, false).port).toBe(70000)
    expect(JSON.parse(JSON.stringify(createGatewayBody({ ...form, port: 'abc' }, false))).port).toBeNull()
    expect(createGatewayBody({ ...form, port: ' ' }, false).port).toBeUndefined()
  })

  it('sends the token as typed and the self-signed flag for wss:// hosts only', () => {
    const form = { ...EMPTY_GATEWAY_FORM, name: 'a', token: ' s3cret', tlsInsecure: true }
    expect(createGatewayBody({ ...form, host: 'wss://gw.example.com' }, true)).toMatchObject({
      token: ' s3cret',
      is_primary: true,
      tls_insecure: true,
    })
    expect(createGatewayBody({ ...form, host: 'gw.example.com' }, true).tls_insecure).toBe(false)
  })
})

describe('updateGatewayBody', () => {
  const gateway = makeGateway({ id: 7, name: 'Prod', host: 'wss://gw.example.com', token_set: true })
  const unchanged = gatewayFormValues(gateway)

  it('starts from the gateway with an empty token field, and sends nothing when nothing changed', () => {
    expect(unchanged).toMatchObject({ name: 'Prod', port: '18789', token: '' })
    expect(updateGatewayBody(gateway, unchanged, false)).toBeNull()
  })

  it('sends only the fields that changed', () => {
    expect(updateGatewayBody(gateway, { ...unchanged, name: 'Production', port: '443' }, false)).toEqual({
      id: 7,
      name: 'Production',
      port: 443,
    })
    expect(updateGatewayBody(gateway, { ...unchanged, tlsInsecure: true }, false)).toEqual({
      id: 7,
      tls_insecure: true,
    })
  })

  it('replaces the token when one is typed, clears it when asked, keeps it otherwise', () => {
    expect(updateGatewayBody(gateway, { ...unchanged, token: 'new' }, false)).toEqual({ id: 7, token: 'new' })
    expect(updateGatewayBody(gateway, { ...unchanged, token: 'ignored' }, true)).toEqual({
      id: 7,
      token: null,
    })
  })

  it('sends the standby priority when it changed: a new one, or null to stop being a standby', () => {
    expect(updateGatewayBody(gateway, { ...unchanged, failoverPriority: '1' }, false)).toEqual({
      id: 7,
      failover_priority: 1,
    })
    const standby = makeGateway({ id: 9, failover_priority: 2 })
    expect(gatewayFormValues(standby).failoverPriority).toBe('2')
    expect(updateGatewayBody(standby, gatewayFormValues(standby), false)).toBeNull()
    expect(
      updateGatewayBody(standby, { ...gatewayFormValues(standby), failoverPriority: ' ' }, false),
    ).toEqual({
      id: 9,
      failover_priority: null,
    })
  })

  it('sends a session threshold when it changed: a new one, or null to go back to the default', () => {
    const tuned = makeGateway({ id: 10, session_idle_s: 600, session_stuck_s: 60 })
    const values = gatewayFormValues(tuned)
    expect(values).toMatchObject({ sessionIdleS: '600', sessionStuckS: '60' })
    expect(updateGatewayBody(tuned, values, false)).toBeNull()
    expect(updateGatewayBody(tuned, { ...values, sessionIdleS: '', sessionStuckS: '120' }, false)).toEqual({
      id: 10,
      session_idle_s: null,
      session_stuck_s: 120,
    })
  })

  it('sends the rotation schedule when it changed: new days, or null to turn it off', () => {
    const scheduled = makeGateway({ id: 11, rotate_every_days: 30 })
    const values = gatewayFormValues(scheduled)
    expect(values.rotateEveryDays).toBe('30')
    expect(updateGatewayBody(scheduled, values, false)).toBeNull()
    expect(updateGatewayBody(scheduled, { ...values, rotateEveryDays: '7' }, false)).toEqual({
      id: 11,
      rotate_every_days: 7,
    })
    expect(updateGatewayBody(scheduled, { ...values, rotateEveryDays: '' }, false)).toEqual({
      id: 11,
      rotate_every_days: null,
    })
  })

  it('turns the self-signed flag off when the host stops being wss://', () => {
    const insecure = makeGateway({ id: 8, host: 'wss://gw', tls_insecure: true })
    expect(updateGatewayBody(insecure, { ...gatewayFormValues(insecure), host: 'gw' }, false)).toEqual({
      id: 8,
      host: 'gw',
      tls_insecure: false,
    })
  })
})
