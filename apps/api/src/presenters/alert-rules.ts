import { type AlertRuleRow, unixSeconds } from '@mc/db'
import { type AlertRule, alertRuleKinds } from '@mc/shared'

export function presentAlertRule(row: AlertRuleRow): AlertRule {
  // The kind was checked against the shared kinds when the rule was stored.
  const kind = row.kind as AlertRule['kind']
  return {
    id: row.id,
    name: row.name,
    kind,
    severity: alertRuleKinds[kind].severity,
    scope: { gateway_ids: row.scopeGatewayIds, agent_names: row.scopeAgentNames },
    params: row.params,
    channel_ids: row.channelIds,
    repeat_every_s: row.repeatEveryS,
    enabled: row.enabled,
    created_at: unixSeconds(row.createdAt),
    updated_at: unixSeconds(row.updatedAt),
  }
}
