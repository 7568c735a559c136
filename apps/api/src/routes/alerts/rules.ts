import { presentIncident } from '@mc/alerting'
import {
  ALERT_KINDS,
  type AlertRuleRow,
  catchUpSubjects,
  createAlertRule,
  deleteAlertRule,
  findAlertRule,
  findIncidents,
  listAlertRules,
  missingAlertChannelIds,
  updateAlertRule,
} from '@mc/db'
import {
  type AlertRuleKind,
  alertRuleKinds,
  alertRuleResponseSchema,
  alertRulesResponseSchema,
  createAlertRuleRequestSchema,
  deletedByIdResponseSchema,
  nowUnixSeconds,
  updateAlertRuleRequestSchema,
} from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import { requestAudit } from '../../audit/request-audit.ts'
import { actorName } from '../../auth/actor.ts'
import { HttpError } from '../../http/http-error.ts'
import type { RouteDef } from '../../http/route.ts'
import { idParamsSchema, parseBody, parseBodyField, parseId } from '../../http/validation.ts'
import { presentAlertRule } from '../../presenters/alert-rules.ts'

const targetOf = (row: AlertRuleRow) => `alert_rule:${row.name}#${row.id}`

/** What an admin sees of a rule in the audit log: everything (a rule holds no secret). */
const auditDetail = (row: AlertRuleRow) => {
  const { id: _id, name: _name, createdAt: _c, updatedAt: _u, ...rest } = row
  return rest
}

/** Alert rules (admin): which conditions open incidents, and which channels hear of them. */
export function alertRuleRoutes({
  db,
  config,
  events,
  alerts,
}: Pick<RouteDeps, 'db' | 'config' | 'events' | 'alerts'>): RouteDef[] {
  const audit = requestAudit(db, config)

  /**
   * Gateways and agents come up for evaluation by themselves (every probe, every sweep), but a
   * session, a tool or a gateway's failed handshakes only when their facts change: a new or
   * re-enabled rule of such a kind looks at the subjects that may already hold, so it catches what
   * it would have caught had it existed.
   */
  async function catchUp(row: AlertRuleRow) {
    const due = await catchUpSubjects(db, ALERT_KINDS, row)
    if (due) await alerts.evaluator.evaluate(due.trigger, due.subjects)
  }

  const paramsOf = (kind: AlertRuleKind, params: unknown) =>
    parseBodyField<Record<string, unknown>>(alertRuleKinds[kind].params, params, 'params')

  async function assertChannelsExist(ids: number[] | undefined) {
    const missing = await missingAlertChannelIds(db, ids ?? [])
    if (missing.length > 0) {
      throw new HttpError(400, `no alert channel with id ${missing.join(', ')}`, [
        { path: 'channel_ids', message: `unknown channel ids: ${missing.join(', ')}` },
      ])
    }
  }

  return [
    {
      method: 'GET',
      path: '/alerts/rules',
      access: 'admin',
      doc: {
        summary: 'List alert rules',
        responses: { 200: alertRulesResponseSchema },
      },
      handler: async (c) => c.json({ rules: (await listAlertRules(db)).map(presentAlertRule) }),
    },
    {
      method: 'POST',
      path: '/alerts/rules',
      access: 'admin',
      doc: {
        summary: 'Create an alert rule',
        description:
          'A condition of one `kind` (its `params` checked against the kind), scoped to gateways or ' +
          'agents (none: all), and the channels that hear of its incidents (400 for an unknown ' +
          'channel id). A rule about sessions, tools or failed handshakes looks at once at what ' +
          'already holds. Audited.',
        body: createAlertRuleRequestSchema,
        responses: { 201: alertRuleResponseSchema },
      },
      handler: async (c) => {
        const body = await parseBody(c, createAlertRuleRequestSchema)
        const params = paramsOf(body.kind, body.params)
        await assertChannelsExist(body.channel_ids)
        const row = await createAlertRule(db, {
          name: body.name,
          kind: body.kind,
          params,
          scopeGatewayIds: body.scope.gateway_ids ?? [],
          scopeAgentNames: body.scope.agent_names ?? [],
          channelIds: body.channel_ids,
          repeatEveryS: body.repeat_every_s,
          enabled: body.enabled,
        })
        await audit(c, 'alert_rule.create', targetOf(row), auditDetail(row))
        await catchUp(row)
        return c.json({ rule: presentAlertRule(row) }, 201)
      },
    },
    {
      method: 'PATCH',
      path: '/alerts/rules/:id',
      access: 'admin',
      doc: {
        summary: 'Update an alert rule',
        description:
          'Changes any field but the kind, which never changes; `params`, when given, replace the ' +
          'old ones. A re-enabled rule looks at once at what already holds. Audited.',
        params: idParamsSchema,
        body: updateAlertRuleRequestSchema,
        responses: { 200: alertRuleResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const id = parseId(c)
        const body = await parseBody(c, updateAlertRuleRequestSchema)
        const current = await findAlertRule(db, id)
        if (!current) throw new HttpError(404, `no alert rule with id ${id}`)
        const kind = current.kind as AlertRuleKind
        const params = body.params === undefined ? undefined : paramsOf(kind, body.params)
        await assertChannelsExist(body.channel_ids)
        const result = await updateAlertRule(db, id, {
          name: body.name,
          params,
          scopeGatewayIds: body.scope && (body.scope.gateway_ids ?? []),
          scopeAgentNames: body.scope && (body.scope.agent_names ?? []),
          channelIds: body.channel_ids,
          repeatEveryS: body.repeat_every_s,
          enabled: body.enabled,
        })
        if (!result) throw new HttpError(404, `no alert rule with id ${id}`)
        await audit(c, 'alert_rule.update', targetOf(result.after), {
          before: auditDetail(result.before),
          after: auditDetail(result.after),
        })
        await catchUp(result.after)
        return c.json({ rule: presentAlertRule(result.after) })
      },
    },
    {
      method: 'DELETE',
      path: '/alerts/rules/:id',
      access: 'admin',
      doc: {
        summary: 'Delete an alert rule',
        description: 'Its open incidents are resolved, shown as such but announced to no channel. Audited.',
        params: idParamsSchema,
        responses: { 200: deletedByIdResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const id = parseId(c)
        const result = await deleteAlertRule(db, id, actorName(c.var.principal))
        if (!result) throw new HttpError(404, `no alert rule with id ${id}`)
        await audit(c, 'alert_rule.delete', targetOf(result.rule), {
          kind: result.rule.kind,
          resolved_incident_ids: result.resolvedIncidentIds,
        })
        // Its channels are no longer known: the resolutions are shown, not announced.
        for (const incident of await findIncidents(db, result.resolvedIncidentIds)) {
          events.publish({
            type: 'incident.resolved',
            incident: presentIncident(incident),
            at: nowUnixSeconds(),
          })
        }
        return c.json({ deleted: true as const, id })
      },
    },
  ]
}
