import { type AlertSubjectType, alertRuleKinds, DEFAULT_TOKEN_MAX_AGE_DAYS } from '@mc/shared'
import { type SQL, sql } from 'drizzle-orm'
import type { AlertKind, AlertTrigger } from '../alert-kinds/index.ts'
import type { Database } from '../client.ts'
import { incidents } from '../schema/incidents.ts'
import type { IncidentRow } from './incidents.ts'
import { rowOf } from './raw-row.ts'
import { type DegradingTool, degradingTools } from './tool-degradation.ts'

/**
 * The subjects a trigger is about: gateways (with the version each reported before the probe, and
 * the evaluating process's TOKEN_MAX_AGE_DAYS),
 * agents, gateway sessions, or gateway tools (with those of them degrading now, which the
 * evaluation looks up when a degradation rule needs it).
 */
export type EvaluationSubjects =
  | { type: 'gateway'; ids: number[]; previousVersions?: (string | null)[]; tokenMaxAgeDays?: number }
  | { type: 'agent'; ids: number[] }
  | { type: 'session'; ids: number[] }
  | { type: 'tool'; ids: number[]; degrading?: DegradingTool[] }

export interface Evaluated {
  opened: IncidentRow[]
  resolved: IncidentRow[]
}

/** Whether the gateway whose id is `gatewayId` is in a maintenance window now. */
export const gatewayInMaintenance = (gatewayId: SQL) => sql`exists (select 1 from maintenance_windows m
  where ${gatewayId} = any(m.gateway_ids) and m.cancelled_at is null and now() >= m.starts_at and now() < m.ends_at)`

const gatewayInScope = (gatewayId: SQL) =>
  sql`(cardinality(r.scope_gateway_ids) = 0 or ${gatewayId} = any(r.scope_gateway_ids))`

/** A session as people know it: its label, or its key when it has none. */
const sessionName = sql`coalesce(nullif(x.label, ''), x.session_key)`

/**
 * Per subject type: its rows (`s`, with the `id` and `name` an incident keeps), whether a rule
 * (`r`) covers it, and whether it is in a maintenance window now.
 */
const SUBJECTS: {
  [T in AlertSubjectType]: {
    rows: (subjects: Extract<EvaluationSubjects, { type: T }>) => SQL
    inScope: SQL
    inMaintenance: SQL
  }
} = {
  gateway: {
    // A gateway's row also carries `previous_version` and `token_max_age_days`.
    rows: (subjects) => {
      const previous = subjects.previousVersions ?? subjects.ids.map(() => null)
      const tokenMaxAgeDays = subjects.tokenMaxAgeDays ?? DEFAULT_TOKEN_MAX_AGE_DAYS
      return sql`select g.*, v.previous_version, ${tokenMaxAgeDays}::int as token_max_age_days from gateways g
        join unnest(${sql.param(subjects.ids)}::int[], ${sql.param(previous)}::text[]) as v(id, previous_version) on v.id = g.id`
    },
    inScope: gatewayInScope(sql`s.id`),
    inMaintenance: gatewayInMaintenance(sql`s.id`),
  },
  agent: {
    rows: (subjects) => sql`select a.* from agents a where a.id = any(${sql.param(subjects.ids)}::int[])`,
    inScope: sql`(cardinality(r.scope_agent_names) = 0 or s.name = any(r.scope_agent_names))`,
    inMaintenance: sql`false`,
  },
  // A session is named, scoped and put in maintenance by its gateway.
  session: {
    rows: (subjects) => sql`select x.*, g.name || ' / ' || ${sessionName} as name,
        ${sessionName} as session_name, g.name as gateway_name
      from gateway_sessions x join gateways g on g.id = x.gateway_id
      where x.id = any(${sql.param(subjects.ids)}::int[])`,
    inScope: gatewayInScope(sql`s.gateway_id`),
    inMaintenance: gatewayInMaintenance(sql`s.gateway_id`),
  },
  // A tool too, named `<gateway>: <tool>`; a degrading one carries its last hour's and 7 days' p95.
  tool: {
    rows: ({ ids, degrading = [] }) => sql`select t.id, t.gateway_id, t.name as tool_name,
        g.name as gateway_name, g.name || ': ' || t.name as name,
        d.recent_calls, d.recent_p95_ms, d.baseline_p95_ms
      from gateway_tools t join gateways g on g.id = t.gateway_id
      left join unnest(${sql.param(degrading.map((d) => d.toolId))}::int[],
        ${sql.param(degrading.map((d) => d.recentCalls))}::int[],
        ${sql.param(degrading.map((d) => d.recentP95Ms))}::int[],
        ${sql.param(degrading.map((d) => d.baselineP95Ms))}::int[])
        as d(tool_id, recent_calls, recent_p95_ms, baseline_p95_ms) on d.tool_id = t.id
      where t.id = any(${sql.param(ids)}::int[])`,
    inScope: gatewayInScope(sql`s.gateway_id`),
    inMaintenance: gatewayInMaintenance(sql`s.gateway_id`),
  },
}

const subjectRows = (subjects: EvaluationSubjects): SQL =>
  (SUBJECTS[subjects.type].rows as (subjects: EvaluationSubjects) => SQL)(subjects)

/**
 * Opens an incident for each enabled rule of the kind × subject in its scope whose condition holds.
 * The unique index on unresolved incidents makes this safe with any number of workers: a second
 * evaluation of the same condition waits for the first one's row, then inserts nothing.
 */
async function openIncidents(db: Database, kind: AlertKind, subjects: EvaluationSubjects) {
  const once = kind.resolvesOn.length === 0
  const rows = await db.execute<Record<string, unknown>>(sql`
    with s as (${subjectRows(subjects)}), opened as (
      insert into incidents (rule_id, rule_name, kind, severity, subject_type, subject_id, subject_name,
        summary, in_maintenance, status, resolved_at)
      select r.id, r.name, r.kind, ${alertRuleKinds[kind.kind].severity}, ${kind.subject}, s.id, s.name,
        left(${kind.summary}, 1000), ${SUBJECTS[kind.subject].inMaintenance},
        ${once ? 'resolved' : 'open'}::incident_status, ${once ? sql`now()` : sql`null`}
      from alert_rules r join s on ${SUBJECTS[kind.subject].inScope}
      where r.kind = ${kind.kind} and r.enabled and (${kind.opensWhen})
      order by r.id, s.id
      on conflict (rule_id, subject_type, subject_id) where status <> 'resolved' do nothing
      returning *
    ), timeline as (
      insert into incident_timeline (incident_id, at, type, detail)
      select id, opened_at, 'opened', summary from opened
    )
    select * from opened`)
  return rows.map((row) => rowOf(incidents, row))
}

/**
 * Resolves the kind's unresolved incidents of these subjects whose condition cleared, or whose
 * subject is gone (a session of a deleted gateway, say): nothing would ever clear those.
 */
async function resolveIncidents(db: Database, kind: AlertKind, subjects: EvaluationSubjects) {
  const rows = await db.execute<Record<string, unknown>>(sql`
    with s as (${subjectRows(subjects)}), resolved as (
      update incidents i set status = 'resolved', resolved_at = now()
      from unnest(${sql.param(subjects.ids)}::int[]) as v(id) left join s on s.id = v.id, alert_rules r
      where i.kind = ${kind.kind} and i.status <> 'resolved' and i.subject_type = ${kind.subject}
        and i.subject_id = v.id and r.id = i.rule_id and (s.id is null or (${kind.resolvesWhen}))
      returning i.*, s.id is null as gone
    ), timeline as (
      insert into incident_timeline (incident_id, at, type, detail)
      select id, resolved_at, 'resolved',
        case when gone then ${`its ${kind.subject} no longer exists`} else 'the condition cleared' end
      from resolved
    )
    select * from resolved`)
  return rows.map((row) => rowOf(incidents, row))
}

/**
 * The kinds with something to evaluate: an enabled rule, or an unresolved incident. An
 * installation without rules pays this one statement per evaluation, not one per kind.
 */
async function kindsInUse(db: Database): Promise<Set<string>> {
  const rows = await db.execute<{ kind: string }>(sql`
    select kind from alert_rules where enabled union select kind from incidents where status <> 'resolved'`)
  return new Set(rows.map((row) => row.kind))
}

/** Tools come with the degrading ones among them, looked up once, when a rule in use asks. */
async function withFacts(
  db: Database,
  kinds: AlertKind[],
  inUse: Set<string>,
  subjects: EvaluationSubjects,
): Promise<EvaluationSubjects> {
  if (subjects.type !== 'tool' || subjects.degrading) return subjects
  const needed = kinds.some((kind) => kind.kind === 'tool_degraded' && inUse.has(kind.kind))
  return needed ? { ...subjects, degrading: await degradingTools(db, { toolIds: subjects.ids }) } : subjects
}

/** Evaluates `kinds` for what `trigger` says of `subjects`: what opened, and what resolved. */
export async function evaluateIncidents(
  db: Database,
  kinds: AlertKind[],
  trigger: AlertTrigger,
  about: EvaluationSubjects,
): Promise<Evaluated> {
  const evaluated: Evaluated = { opened: [], resolved: [] }
  if (about.ids.length === 0) return evaluated
  const inUse = await kindsInUse(db)
  const subjects = await withFacts(db, kinds, inUse, about)
  for (const kind of kinds) {
    if (kind.subject !== subjects.type || !inUse.has(kind.kind)) continue
    // Resolving first: a subject whose condition cleared and held again in one batch keeps one incident.
    if (kind.resolvesOn.includes(trigger))
      evaluated.resolved.push(...(await resolveIncidents(db, kind, subjects)))
    if (kind.opensOn.includes(trigger)) evaluated.opened.push(...(await openIncidents(db, kind, subjects)))
  }
  return evaluated
}

/**
 * The subjects of unresolved incidents of kinds the alert tick evaluates (conditions that clear
 * with time, subjects that may disappear), by subject type.
 */
export async function subjectsOfUnresolvedIncidents(
  db: Database,
  kinds: AlertKind[],
): Promise<Record<AlertSubjectType, number[]>> {
  const names = kinds.filter((kind) => kind.resolvesOn.includes('tick')).map((kind) => kind.kind)
  const rows =
    names.length === 0
      ? []
      : await db.execute<{ subject_type: AlertSubjectType; ids: number[] }>(sql`
          select subject_type, array_agg(distinct subject_id) as ids from incidents
          where status <> 'resolved' and kind = any(${sql.param(names)}::text[]) group by subject_type`)
  const ids = (type: AlertSubjectType) => rows.find((row) => row.subject_type === type)?.ids ?? []
  return { gateway: ids('gateway'), agent: ids('agent'), session: ids('session'), tool: ids('tool') }
}

/**
 * The subjects a rule just created or enabled may already hold for, and the trigger to evaluate them
 * as (see `AlertKind.catchUp`); undefined when the rule is disabled or its kind needs none.
 */
export async function catchUpSubjects(
  db: Database,
  kinds: AlertKind[],
  rule: { id: number; kind: string; enabled: boolean },
): Promise<{ trigger: AlertTrigger; subjects: EvaluationSubjects } | undefined> {
  const kind = kinds.find((candidate) => candidate.kind === rule.kind)
  const trigger = kind?.opensOn[0]
  if (!rule.enabled || !kind?.catchUp || !trigger) return undefined
  const rows = await db.execute<{ id: number }>(sql`
    select distinct c.id from alert_rules r cross join lateral (${kind.catchUp}) c where r.id = ${rule.id}`)
  return { trigger, subjects: { type: kind.subject, ids: rows.map((row) => row.id) } }
}
