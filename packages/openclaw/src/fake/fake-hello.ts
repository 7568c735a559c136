import { randomUUID } from 'node:crypto'
import { FAKE_METHOD_NAMES, healthSnapshot } from './fake-methods.ts'
import type { FakeWorld } from './fake-world.ts'

export const FAKE_EVENT_NAMES = ['connect.challenge', 'tick', 'health', 'presence', 'shutdown']

export interface HelloInput {
  protocol: number
  version: string
  bootId: string
  startedAt: number
  tickIntervalMs: number
  role: string
  scopes: readonly string[]
  world: FakeWorld
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
      presence: [],
      health: healthSnapshot(input.world),
      stateVersion: { presence: 1, health: 1 },
      uptimeMs: Date.now() - input.startedAt,
      sessionDefaults: {},
    },
    auth: { method: 'token', role: input.role, scopes: input.scopes },
    policy: { maxPayload: 26_214_400, maxBufferedBytes: 52_428_800, tickIntervalMs: input.tickIntervalMs },
  }
}
