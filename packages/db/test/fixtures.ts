import type { Database } from '../src/client.ts'
import { connectAgent } from '../src/queries/direct-connections.ts'
import type { SessionRowInput } from '../src/queries/gateway-sessions.ts'
import { createGateway } from '../src/queries/gateways.ts'

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
export * from './fleet-fixtures.ts'
export * from './insight-fixtures.ts'
export * from './probe-readings.ts'
export * from './write-fixtures.ts'
