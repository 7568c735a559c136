import { agentLost } from './agent-lost.ts'
import type { AlertKind } from './alert-kind.ts'
import { failover } from './failover.ts'
import { gatewayAuthAnomaly } from './gateway-auth-anomaly.ts'
import { gatewayAuthFailed } from './gateway-auth-failed.ts'
import { gatewayDown } from './gateway-down.ts'
import { gatewayFlapping } from './gateway-flapping.ts'
import { gatewayVersionChanged } from './gateway-version-changed.ts'
import { sessionIdle } from './session-idle.ts'
import { sessionStuck } from './session-stuck.ts'
import { tokenBudget } from './token-budget.ts'
import { tokenStale } from './token-stale.ts'
import { toolDegraded } from './tool-degraded.ts'
import { toolFailing } from './tool-failing.ts'

export type { AlertKind, AlertTrigger } from './alert-kind.ts'

/** Every rule kind the evaluator knows. */
export const ALERT_KINDS: AlertKind[] = [
  gatewayDown,
  gatewayFlapping,
  gatewayAuthFailed,
  gatewayVersionChanged,
  failover,
  agentLost,
  tokenBudget,
  sessionIdle,
  sessionStuck,
  toolDegraded,
  toolFailing,
  gatewayAuthAnomaly,
  tokenStale,
]
