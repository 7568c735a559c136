import { z } from 'zod'
import { idSchema } from './ids.ts'
import { unixSecondsSchema } from './time.ts'

export const ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const
export const alertSeveritySchema = z.enum(ALERT_SEVERITIES)
export type AlertSeverity = z.infer<typeof alertSeveritySchema>

/**
 * What an incident is about: a registered gateway, a CLI agent, an agent session on a gateway, or a
 * tool a gateway's agents call (by id; the name is shown).
 */
export const ALERT_SUBJECT_TYPES = ['gateway', 'agent', 'session', 'tool'] as const
export type AlertSubjectType = (typeof ALERT_SUBJECT_TYPES)[number]

/** Which list of a rule's scope limits its subjects: a session or a tool is in scope through its gateway. */
export const ALERT_SCOPE_OF_SUBJECT = {
  gateway: 'gateway_ids',
  agent: 'agent_names',
  session: 'gateway_ids',
  tool: 'gateway_ids',
} as const satisfies Record<AlertSubjectType, 'gateway_ids' | 'agent_names'>

const whole = (min: number, max: number) =>
  z
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be from ${min} to ${max}`)
    .max(max, `must be from ${min} to ${max}`)

/**
 * Every rule kind: the parameters it takes (with their defaults), what its incidents are about,
 * and how grave they are. A kind's evaluation lives in the worker's `alerts/kinds/<kind>.ts`.
 */
export const alertRuleKinds = {
  gateway_down: {
    subject: 'gateway',
    severity: 'critical',
    label: 'Gateway down',
    params: z.strictObject({
      /** Consecutive failed probes before it opens. */
      after_failures: whole(1, 1000).default(2),
      /** Or: not online for this long (whichever comes first). */
      after_s: whole(10, 7 * 86_400).optional(),
    }),
  },
  gateway_flapping: {
    subject: 'gateway',
    severity: 'warning',
    label: 'Gateway flapping',
    params: z.strictObject({ flips: whole(2, 1000).default(4), window_s: whole(60, 86_400).default(900) }),
  },
  gateway_auth_failed: {
    subject: 'gateway',
    severity: 'critical',
    label: 'Gateway refuses our token',
    params: z.strictObject({}),
  },
  gateway_version_changed: {
    subject: 'gateway',
    severity: 'info',
    label: 'Gateway version changed',
    params: z.strictObject({}),
  },
  failover: {
    subject: 'gateway',
    severity: 'critical',
    label: 'Primary failed over',
    params: z.strictObject({}),
  },
  agent_lost: {
    subject: 'agent',
    severity: 'critical',
    label: 'Agent lost',
    params: z.strictObject({}),
  },
  token_budget: {
    subject: 'agent',
    severity: 'warning',
    label: 'Token budget exceeded',
    params: z
      .strictObject({
        /** Input plus output tokens. */
        tokens: whole(1, Number.MAX_SAFE_INTEGER).optional(),
        /** US dollars, priced as `GET /api/usage` prices CLI agents (the model price table). */
        cost_usd: z
          .number({ error: 'must be a number of US dollars' })
          .positive('must be more than 0')
          .max(1_000_000_000, 'must be at most 1000000000')
          .optional(),
        window: z.enum(['day', 'month']).default('day'),
      })
      .refine((params) => params.tokens !== undefined || params.cost_usd !== undefined, {
        message: 'give tokens, cost_usd or both',
        path: ['tokens'],
      }),
  },
  session_idle: {
    subject: 'session',
    severity: 'warning',
    label: 'Session idle',
    params: z.strictObject({}),
  },
  session_stuck: {
    subject: 'session',
    severity: 'critical',
    label: 'Session stuck',
    params: z.strictObject({}),
  },
  tool_degraded: {
    subject: 'tool',
    severity: 'warning',
    label: 'Tool degrading',
    params: z.strictObject({}),
  },
  tool_failing: {
    subject: 'tool',
    severity: 'warning',
    label: 'Tool failing',
    params: z.strictObject({
      /** Failed calls within `window_s` before it opens. */
      failures: whole(1, 100_000).default(5),
      window_s: whole(60, 86_400).default(600),
    }),
  },
  gateway_auth_anomaly: {
    subject: 'gateway',
    severity: 'critical',
    label: 'Gateway authentication failures',
    params: z.strictObject({
      /** Failed handshakes (every remote address together) in one minute. */
      per_minute: whole(1, 1_000_000).default(10),
    }),
  },
  /** Its token is older than TOKEN_MAX_AGE_DAYS (the api's and worker's setting, not a rule's). */
  token_stale: {
    subject: 'gateway',
    severity: 'warning',
    label: 'Gateway token stale',
    params: z.strictObject({}),
  },
} as const satisfies Record<
  string,
  { subject: AlertSubjectType; severity: AlertSeverity; label: string; params: z.ZodType }
>

export type AlertRuleKind = keyof typeof alertRuleKinds
export const ALERT_RULE_KINDS = Object.keys(alertRuleKinds) as [AlertRuleKind, ...AlertRuleKind[]]
export const alertRuleKindSchema = z.enum(ALERT_RULE_KINDS)
export type AlertRuleParams<K extends AlertRuleKind> = z.infer<(typeof alertRuleKinds)[K]['params']>

/** Absent or empty lists mean every gateway and every agent; a session or tool kind is scoped by its gateways. */
export const alertScopeSchema = z.strictObject({
  gateway_ids: z.array(idSchema).max(1000, 'at most 1000 gateways').optional(),
  agent_names: z.array(z.string().trim().min(1).max(200)).max(1000, 'at most 1000 agents').optional(),
})
export type AlertScope = z.infer<typeof alertScopeSchema>

const ruleFields = {
  name: z.string().trim().min(1, 'required').max(100, 'at most 100 characters'),
  scope: alertScopeSchema.default({}),
  channel_ids: z.array(idSchema).max(50, 'at most 50 channels'),
  /** While open and unacknowledged, notify again this often; null: once. */
  repeat_every_s: whole(60, 7 * 86_400)
    .nullable()
    .default(null),
  enabled: z.boolean().default(true),
}

/** `params` is checked against the kind (`alertRuleKinds[kind].params`) by the handler. */
export const createAlertRuleRequestSchema = z.strictObject({
  ...ruleFields,
  kind: alertRuleKindSchema,
  params: z.record(z.string(), z.unknown()).default({}),
})
export type CreateAlertRuleRequest = z.input<typeof createAlertRuleRequestSchema>

/** A rule's kind never changes; `params`, when given, replaces the old ones. */
export const updateAlertRuleRequestSchema = z
  .strictObject({
    name: ruleFields.name.optional(),
    scope: alertScopeSchema.optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    channel_ids: ruleFields.channel_ids.optional(),
    repeat_every_s: whole(60, 7 * 86_400)
      .nullable()
      .optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change')
export type UpdateAlertRuleRequest = z.input<typeof updateAlertRuleRequestSchema>

export const alertRuleSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: alertRuleKindSchema,
  severity: alertSeveritySchema,
  scope: z.object({ gateway_ids: z.array(z.number().int()), agent_names: z.array(z.string()) }),
  params: z.record(z.string(), z.unknown()),
  channel_ids: z.array(z.number().int()),
  repeat_every_s: z.number().int().nullable(),
  enabled: z.boolean(),
  created_at: unixSecondsSchema,
  updated_at: unixSecondsSchema,
})
export type AlertRule = z.infer<typeof alertRuleSchema>

export const alertRuleResponseSchema = z.object({ rule: alertRuleSchema })
export const alertRulesResponseSchema = z.object({ rules: z.array(alertRuleSchema) })
