import { type AuthFailureReport, unixSeconds } from '@mc/db'
import type { AuthFailuresResponse } from '@mc/shared'

export function presentAuthFailureReport(report: AuthFailureReport): AuthFailuresResponse {
  return {
    total: report.total,
    by_address: report.byAddress.map((row) => ({
      address: row.address,
      count: row.count,
      reason: row.reason,
      last_at: unixSeconds(row.lastAt),
    })),
  }
}
