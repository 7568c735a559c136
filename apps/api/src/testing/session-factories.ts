import { randomBytes } from 'node:crypto'
import { applySessionRows, type Database, type GatewaySessionRow, type SessionRowInput } from '@mc/db'
import { sessionRow } from '@mc/db/testing'

/** The worker's default thresholds, as the API tests store sessions with them. */
export const TEST_SESSION_THRESHOLDS = { idleS: 1800, stuckS: 900 }

/** Stores sessions of `gatewayId` as its watcher would. */
export const storeSessions = (db: Database, gatewayId: number, rows: SessionRowInput[]) =>
  applySessionRows(db, gatewayId, rows, TEST_SESSION_THRESHOLDS)

/** One new session of `gatewayId`. */
export async function makeSession(
  db: Database,
  gatewayId: number,
  fields: Partial<SessionRowInput> = {},
): Promise<GatewaySessionRow> {
  const key = `agent:main:test:${randomBytes(4).toString('hex')}`
  const [row] = await storeSessions(db, gatewayId, [sessionRow(key, { label: null, ...fields })])
  if (!row) throw new Error('session insert returned nothing')
  return row
}
