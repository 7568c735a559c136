import { randomUUID } from 'node:crypto'
import { FAKE_METHOD_NAMES, healthSnapshot } from './fake-methods.ts'
import type { FakeWorld } from './fake-world.ts'

export const FAKE_EVENT_NAMES = [
  'connect.challenge',
  'tick',
  'health',
  'presence',
  'shutdown',
  'sessions.changed',
  'agent',
  'config.changed',
]

export interface HelloInput {
  protocol: number
  version: string
  bootId: string
  startedAt: number
  tickIntervalMs: number
  role: string
  scopes: readonly string[]
  world: FakeWorld
  /** How many presence entries the snapshot carries. */
  presence: number
}

/** A hello-ok shaped like the real one (fewer snapshot details). */
export function helloOk(input: HelloInput) {
  return {
    type: 'hello-ok',
    protocol: input.protocol,
    server: {
      version: input.version,
      buildId: `${input.version}-fake`,
      bootId: input.bootId,
      connId: randomUUID(),
    },
    features: { methods: FAKE_METHOD_NAMES, events: FAKE_EVENT_NAMES },
    snapshot: {
      presence: presenceEntries(input.presence, input.version),
      health: healthSnapshot(input.world),
      stateVersion: { presence: 1, health: 1 },
      uptimeMs: Date.now() - input.startedAt,
      sessionDefaults: {},
    },
    auth: { method: 'token', role: input.role, scopes: input.scopes },
    policy: { maxPayload: 26_214_400, maxBufferedBytes: 52_428_800, tickIntervalMs: input.tickIntervalMs },
  }
}

const presenceCache = new Map<string, unknown[]>()

/**
 * Presence entries as a real gateway lists its connected clients and nodes (≈300 bytes each); made
 * once per size, so that a fleet of fakes answering at once spends its time answering.
 */
function presenceEntries(count: number, version: string) {
  const key = `${count}/${version}`
  const cached = presenceCache.get(key)
  if (cached) return cached
  const entries = Array.from({ length: count }, (_, i) => ({
    host: `node-${i}.fleet.internal`,
    ip: `10.0.${i >> 8}.${i & 255}`,
    version,
    platform: 'linux',
    deviceFamily: 'server',
    modelIdentifier: 'x86_64',
    mode: 'backend',
    reason: 'connect',
    instanceId: randomUUID(),
    roles: ['operator'],
    scopes: ['operator.read', 'operator.write'],
    text: `Node: node-${i} (10.0.${i >> 8}.${i & 255}) · app ${version} · mode backend · reason connect`,
    ts: Date.now(),
  }))
  presenceCache.set(key, entries)
  return entries
}
