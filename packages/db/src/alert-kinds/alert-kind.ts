import type { AlertRuleKind } from '@mc/shared'
import type { SQL } from 'drizzle-orm'

/**
 * What facts make a kind evaluated: a stored probe (gateways), a move of the primary role (the
 * gateway it moved from), an expiry sweep (agents whose
 * connections timed out), agent activity (a connect: an agent back), token usage
 * recorded, or the periodic alert tick (conditions that clear with time).
 */
export type AlertTrigger = 'probe' | 'failover' | 'expiry' | 'agent_activity' | 'usage' | 'tick'

/**
 * A rule kind as SQL over its subject's row (`s`: a `gateways` or `agents` row) and the rule (`r`,
 * an `alert_rules` row, whose `params` hold the kind's parameters with defaults filled in).
 * Adding a kind is one file in this folder and one line in `index.ts`.
 */
export interface AlertKind {
  kind: AlertRuleKind
  subject: 'gateway' | 'agent'
  /** Opens an incident for the subjects of these triggers. */
  opensOn: AlertTrigger[]
  /** Resolves on these triggers; empty: it fires once (recorded resolved at once, never repeats). */
  resolvesOn: AlertTrigger[]
  opensWhen: SQL
  /** Unused when the kind fires once. */
  resolvesWhen: SQL
  /** The incident's one-line summary (text). */
  summary: SQL
}
