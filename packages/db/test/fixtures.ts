import type { ProbeReading } from '@mc/openclaw'
import type { Database } from '../src/client.ts'
import { connectAgent } from '../src/queries/direct-connections.ts'
import type { SessionRowInput } from '../src/queries/gateway-sessions.ts'
import { createGateway } from '../src/queries/gateways.ts'

/** A probe that reached the gateway: 20 ms, 3 sessions, 2 agents unless told otherwise. */
export const onlineReading = (overrides: Partial<ProbeReading> = {}): ProbeReading => ({
  status: 'online',
  latencyMs: 20,
  version: '2026.9.6',
  sessionsCount: 3,
  agentsCount: 2,
  error: null,
  method: 'websocket',
  ...overrides,
})

/** A probe that failed: nothing known but the status and why. */
export const failedReading = (status: 'offline' | 'timeout' | 'error', error: string): ProbeReading => ({
  status,
  latencyMs: null,
  version: null,
  sessionsCount: null,
  agentsCount: null,
  error,
  method: 'websocket',
})

/** A gateway nobody probes (host `h`, port 1, no token). */
export const makeGateway = (db: Database, name: string) =>
  createGateway(db, { name, host: 'h', port: 1, token: null, isPrimary: false })

/** A CLI connection of `agentName` with `toolName`, id `conn-<agent>-<tool>`, expiring in 60 s. */
export const openConnection = (db: Database, agentName: string, toolName = 'codex') =>
  connectAgent(db, {
    agentName,
    agentRole: undefined,
    toolName,
    toolVersion: null,
    metadata: null,
    connectionId: `conn-${agentName}-${toolName}`,
    timeoutS: 60,
  })

// One moment for every fixture row: the same session described twice is the same row (nothing changed).
const FIXTURE_NOW = Date.now()

/** A session as a gateway reports it: labelled `key`, no run, last updated a minute before the tests began. */
export const sessionRow = (key: string, fields: Partial<SessionRowInput> = {}): SessionRowInput => ({
  key,
  agentId: 'main',
  label: key,
  kind: 'direct',
  model: 'echo-1',
  modelProvider: 'mock',
  createdAt: FIXTURE_NOW - 3_600_000,
  updatedAt: FIXTURE_NOW - 60_000,
  lastInteractionAt: null,
  hasActiveRun: false,
  runStatus: null,
  startedAt: null,
  endedAt: null,
  inputTokens: null,
  outputTokens: null,
  estimatedCostUsd: null,
  archived: false,
  ...fields,
})
export * from './insight-fixtures.ts'
export * from './write-fixtures.ts'
