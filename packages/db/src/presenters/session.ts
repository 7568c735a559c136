import type { Session } from '@mc/shared'
import type { GatewaySessionRow } from '../queries/gateway-sessions.ts'
import { unixSeconds, unixSecondsOrNull } from './unix-seconds.ts'

/** A stored session as the API and the `session.changed` event show it. */
export function presentSession(row: GatewaySessionRow): Session {
  return {
    id: row.id,
    gateway_id: row.gatewayId,
    gateway_name: row.gatewayName,
    key: row.sessionKey,
    agent: row.agent,
    label: row.label,
    kind: row.kind,
    model: row.model,
    model_provider: row.modelProvider,
    state: row.state,
    has_active_run: row.hasActiveRun,
    run_status: row.runStatus,
    created_at: unixSecondsOrNull(row.createdAt),
    last_activity_at: unixSeconds(row.lastActivityAt),
    run_started_at: unixSecondsOrNull(row.runStartedAt),
    run_ended_at: unixSecondsOrNull(row.runEndedAt),
    input_tokens: row.inputTokens,
    output_tokens: row.outputTokens,
    estimated_cost_usd: row.estimatedCostUsd,
    archived: row.archived,
    first_seen_at: unixSeconds(row.firstSeenAt),
    last_seen_at: unixSeconds(row.lastSeenAt),
    ended_at: unixSecondsOrNull(row.endedAt),
  }
}
