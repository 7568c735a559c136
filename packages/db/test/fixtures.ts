import type { ProbeReading } from '@mc/openclaw'
import type { Database } from '../src/client.ts'
import { connectAgent } from '../src/queries/direct-connections.ts'
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
