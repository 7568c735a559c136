import {
  type ToolDetail,
  type ToolFailureRow,
  type ToolHourRow,
  type ToolSummaryRow,
  unixSeconds,
} from '@mc/db'
import type { ToolFailure, ToolHour, ToolResponse, ToolSummary } from '@mc/shared'

/** The counts and durations a summary and an hour share. */
const callFigures = (row: Pick<ToolHourRow, 'calls' | 'failures' | 'p50Ms' | 'p95Ms' | 'maxMs'>) => ({
  calls: row.calls,
  failures: row.failures,
  p50_ms: row.p50Ms,
  p95_ms: row.p95Ms,
  max_ms: row.maxMs,
})

export function presentToolSummary(row: ToolSummaryRow): ToolSummary {
  return {
    gateway_id: row.gatewayId,
    gateway_name: row.gatewayName,
    name: row.name,
    ...callFigures(row),
    degrading: row.degrading,
  }
}

function presentToolHour(row: ToolHourRow): ToolHour {
  return { hour: unixSeconds(row.hour), ...callFigures(row) }
}

function presentToolFailure(row: ToolFailureRow): ToolFailure {
  return {
    gateway_id: row.gatewayId,
    gateway_name: row.gatewayName,
    session_key: row.sessionKey,
    agent: row.agent,
    ended_at: unixSeconds(row.endedAt),
    duration_ms: row.durationMs,
    error: row.error,
    exit_code: row.exitCode,
  }
}

export function presentToolDetail(
  name: string,
  gatewayId: number | undefined,
  detail: ToolDetail,
): ToolResponse {
  return {
    name,
    gateway_id: gatewayId ?? null,
    series: detail.series.map(presentToolHour),
    failures: detail.failures.map(presentToolFailure),
    baseline_p95_ms: detail.baselineP95Ms,
    degrading: detail.degrading,
  }
}
