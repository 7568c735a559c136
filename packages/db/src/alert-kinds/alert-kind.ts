import type { AlertRuleKind, AlertSubjectType } from '@mc/shared'
import type { SQL } from 'drizzle-orm'

/**
 * What facts make a kind evaluated: a stored probe (gateways), a move of the primary role (the
 * gateway it moved from), an expiry sweep (agents whose
 * connections timed out), agent activity (a connect: an agent back), token usage
 * recorded, sessions a watcher wrote or the state sweep moved, tool calls stored (their tools),
 * authentication failures stored (their gateways), a gateway's token replaced (a rotation), or the
 * periodic alert tick (conditions that clear with time, subjects that are gone).
 */
export type AlertTrigger =
  | 'probe'
  | 'failover'
  | 'expiry'
  | 'agent_activity'
  | 'usage'
  | 'session'
  | 'tool_calls'
  | 'auth_failures'
  | 'token'
  | 'tick'

/**
 * A rule kind as SQL over its subject's row (`s`: a `gateways`, `agents`, `gateway_sessions` or
 * `gateway_tools` row, see `subjectRows` in `queries/incident-evaluation.ts`) and the rule (`r`,
 * an `alert_rules` row, whose `params` hold the kind's parameters with defaults filled in).
 * Adding a kind is one file in this folder and one line in `index.ts`.
 */
export interface AlertKind {
  kind: AlertRuleKind
  subject: AlertSubjectType
  /** Opens an incident for the subjects of these triggers. */
  opensOn: AlertTrigger[]
  /** Resolves on these triggers; empty: it fires once (recorded resolved at once, never repeats). */
  resolvesOn: AlertTrigger[]
  opensWhen: SQL
  /** Unused when the kind fires once. A subject whose row is gone resolves without it. */
  resolvesWhen: SQL
  /** The incident's one-line summary (text). */
  summary: SQL
  /**
   * For kinds whose subjects come up for evaluation only when their facts change: a query (`select
   * … as id`, over the rule `r`) of the subjects that may already hold when one of its rules is
   * created or enabled, evaluated then as its first `opensOn` trigger says, so the rule catches what
   * it would have caught had it existed. Gateways and agents need none: every probe and sweep
   * evaluates them.
   */
  catchUp?: SQL
}
