import { randomUUID } from 'node:crypto'
import { isRecord } from '../protocol/is-record.ts'

/** Who was refused: the socket's ends and what the `connect` said about the client. */
export interface RefusedHandshake {
  remoteAddr: string
  remotePort: number
  localAddr: string
  localPort: number
  connectParams: unknown
  /** From the upgrade to the refusal. */
  durationMs: number
  at: number
}

const SUBSYSTEM = '{"subsystem":"gateway/ws"}'
const GUIDANCE = 'unauthorized: gateway token mismatch (provide gateway auth token)'

/**
 * The two WARN lines the real gateway logs for a connect with a wrong token: a text `unauthorized
 * conn=… reason=token_mismatch` line, then a structured `closed before connect` entry. Never the token.
 */
export function authFailureLogLines(refused: RefusedHandshake): string[] {
  const conn = randomUUID()
  const client = clientOf(refused.connectParams)
  const host = `${refused.localAddr}:${refused.localPort}`
  const peer = `${refused.remoteAddr}:${refused.remotePort}->${host}`
  const unauthorized =
    `unauthorized conn=${conn} peer=${peer} remote=${refused.remoteAddr} client=${client.id} ${client.mode} ` +
    `v${client.version} role=operator scopes=0 auth=token device=no platform=${client.platform} instance=n/a ` +
    `host=${host} origin=n/a ua=n/a reason=token_mismatch guidance=${GUIDANCE}`
  const closed =
    `closed before connect conn=${conn} peer=${peer} remote=${refused.remoteAddr} fwd=n/a origin=n/a ` +
    `host=${host} ua=n/a code=1008 reason=${GUIDANCE} phase=auth_credentials_received`
  const fields = {
    cause: 'unauthorized',
    durationMs: Math.round(refused.durationMs),
    handshake: 'failed',
    phase: 'auth_credentials_received',
    lastFrameType: 'req',
    lastFrameMethod: 'connect',
    host,
    remoteAddr: refused.remoteAddr,
    remotePort: refused.remotePort,
    localAddr: refused.localAddr,
    localPort: refused.localPort,
    endpoint: peer,
    authMode: 'token',
    authProvided: 'token',
    authReason: 'token_mismatch',
    peer,
    role: 'operator',
    scopeCount: 0,
    hasDeviceIdentity: false,
    client: client.id,
    mode: client.mode,
    version: client.version,
    platform: client.platform,
  }
  return [
    JSON.stringify(warn(refused.at, { 0: SUBSYSTEM, 1: unauthorized }, unauthorized)),
    JSON.stringify(warn(refused.at, { 0: SUBSYSTEM, 1: fields, 2: closed }, closed)),
  ]
}

function warn(at: number, args: Record<string, unknown>, message: string) {
  const date = new Date(at).toISOString()
  return {
    ...args,
    _meta: {
      runtime: 'node',
      runtimeVersion: process.versions.node,
      hostname: 'fake-gateway',
      date,
      logLevelId: 4,
      logLevelName: 'WARN',
      name: SUBSYSTEM,
      parentNames: ['openclaw'],
    },
    time: date.replace('Z', '+00:00'),
    hostname: 'fake-gateway',
    message,
  }
}

function clientOf(params: unknown) {
  const client = isRecord(params) && isRecord(params.client) ? params.client : {}
  const field = (value: unknown) => (typeof value === 'string' && value ? value.slice(0, 64) : 'n/a')
  return {
    id: field(client.id),
    mode: field(client.mode),
    version: field(client.version),
    platform: field(client.platform),
  }
}
