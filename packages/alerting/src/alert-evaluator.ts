import {
  ALERT_KINDS,
  type AlertTrigger,
  type EvaluationSubjects,
  evaluateIncidents,
  type IncidentRow,
} from '@mc/db'
import { type IncidentEvent, nowUnixSeconds } from '@mc/shared'
import type { AlertContext } from './alert-context.ts'
import { coalescingRunner } from './coalescing-runner.ts'
import { queueIncidentNotices } from './incident-notices.ts'
import { presentIncident } from './present-incident.ts'

/** A stored probe, as the evaluator needs it: the gateway and the version it had before. */
export interface ProbedGateway {
  gatewayId: number
  previousVersion: string | null
}

/**
 * Budgets are judged this often at most while usage keeps being recorded. Run back to back, once
 * per batch of heartbeats, their evaluation cost the api up to a quarter of a heartbeat's CPU in
 * the heartbeat bench, for an incident that may open a fraction of a second later instead.
 */
const USAGE_EVALUATION_MS = 250

const incidentEvent = (type: IncidentEvent['type'], row: IncidentRow, at: number): IncidentEvent => ({
  type,
  incident: presentIncident(row),
  at,
})

/**
 * Evaluates the rules where their facts are written (after a probe write, an expiry sweep, a batch
 * of connects or heartbeats, session writes, stored tool calls and authentication failures, the
 * alert tick): opens and resolves incidents in the database, announces them, and queues their
 * notices. It never throws into the caller's work: a failure is reported to `onError`, and the next
 * evaluation of the same facts catches up.
 */
export function createAlertEvaluator(ctx: AlertContext, onError: (error: unknown) => void) {
  async function evaluate(trigger: AlertTrigger, about: EvaluationSubjects): Promise<void> {
    const subjects =
      about.type === 'gateway' ? { ...about, tokenMaxAgeDays: ctx.settings.TOKEN_MAX_AGE_DAYS } : about
    try {
      const { opened, resolved } = await evaluateIncidents(ctx.db, ALERT_KINDS, trigger, subjects)
      if (opened.length === 0 && resolved.length === 0) return
      const at = nowUnixSeconds()
      // A kind that fires once is recorded resolved at once: it announces its opening only.
      await ctx.publish([
        ...opened.map((row) => incidentEvent('incident.opened', row, at)),
        ...resolved.map((row) => incidentEvent('incident.resolved', row, at)),
      ])
      await queueIncidentNotices(
        ctx,
        opened.map((row) => row.id),
        'incident.opened',
      )
      await queueIncidentNotices(
        ctx,
        resolved.map((row) => row.id),
        'incident.resolved',
      )
    } catch (error) {
      onError(error)
    }
  }

  // A gateway probed twice before its evaluation keeps its first previous version: a change in
  // between is still seen.
  const probes = coalescingRunner<string | null>(
    (batch) =>
      evaluate('probe', { type: 'gateway', ids: [...batch.keys()], previousVersions: [...batch.values()] }),
    onError,
  )
  const coalesced = (
    trigger: AlertTrigger,
    type: 'gateway' | 'agent' | 'session' | 'tool',
    minIntervalMs?: number,
  ) => {
    const add = coalescingRunner<null>(
      (batch) => evaluate(trigger, { type, ids: [...batch.keys()] }),
      onError,
      minIntervalMs,
    )
    return (ids: number[]) => add(ids.map((id) => [id, null]))
  }

  return {
    evaluate,
    afterProbes: (probed: ProbedGateway[]) => probes(probed.map((p) => [p.gatewayId, p.previousVersion])),
    /** The primary role moved away from (or could not leave) this gateway. */
    afterFailover: (fromId: number) => evaluate('failover', { type: 'gateway', ids: [fromId] }),
    afterExpiry: coalesced('expiry', 'agent'),
    afterAgentActivity: coalesced('agent_activity', 'agent'),
    /** Every batch of heartbeats records usage: evaluated at most every USAGE_EVALUATION_MS. */
    afterUsage: coalesced('usage', 'agent', USAGE_EVALUATION_MS),
    /** A watcher wrote these sessions, or the state sweep moved them (to idle or stuck). */
    afterSessionChanges: coalesced('session', 'session'),
    /** A watcher or a backfill stored finished calls of these tools. */
    afterToolCalls: coalesced('tool_calls', 'tool'),
    /** Failed handshakes of these gateways were counted from their logs. */
    afterAuthFailures: coalesced('auth_failures', 'gateway'),
    /** This gateway's token was replaced (rotated, promoted): a stale one clears at once. */
    afterTokenChange: (gatewayId: number) => evaluate('token', { type: 'gateway', ids: [gatewayId] }),
  }
}

export type AlertEvaluator = ReturnType<typeof createAlertEvaluator>
