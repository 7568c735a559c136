import { type GatewayEvent, unixSeconds } from '@mc/db'
import type { GatewayEventRow } from '@mc/shared'

export function presentGatewayEvent(row: GatewayEvent): GatewayEventRow {
  return {
    id: row.id,
    gateway_id: row.gatewayId,
    at: unixSeconds(row.at),
    type: row.type,
    session_key: row.sessionKey,
    agent: row.agent,
    run_id: row.runId,
    summary: row.summary,
    count: row.count,
    sampled: row.sampled,
  }
}
