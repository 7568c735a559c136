import { type IncidentRow, schema } from '@mc/db'
import {
  incidentDetailResponseSchema,
  incidentResponseSchema,
  incidentsResponseSchema,
  type McEvent,
} from '@mc/shared'
import { eventually } from '@mc/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Call, callerWithRole, makeAlertRule, makeIncident } from '../testing/alert-factories.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()
let viewer: Call
let operator: Call
const published: McEvent[] = []
let unsubscribe = () => {}

beforeAll(async () => {
  ;[viewer, operator] = await Promise.all([callerWithRole(t, 'viewer'), callerWithRole(t, 'operator')])
  unsubscribe = t.deps.eventHub.subscribe(({ event }) => published.push(event))
})
afterAll(() => unsubscribe())

const eventOf = (type: string, incident: IncidentRow) =>
  eventually(() => {
    const event = published.find((e) => e.type === type && 'incident' in e && e.incident.id === incident.id)
    expect(event).toBeDefined()
    return event
  })

describe('incidents', () => {
  it('lists newest first, pages with next_before, and filters', async () => {
    const rule = await makeAlertRule(t.deps.db)
    const made: IncidentRow[] = []
    for (let i = 0; i < 5; i++)
      made.push(await makeIncident(t.deps.db, { ruleId: rule.id, subjectId: 7000 + i }))
    const first = incidentsResponseSchema.parse(
      (await viewer('GET', '/api/incidents?limit=2&kind=gateway_down')).body,
    )
    expect(first.incidents).toHaveLength(2)
    expect(first.incidents[0]?.id).toBeGreaterThan(first.incidents[1]?.id ?? 0)
    const second = incidentsResponseSchema.parse(
      (await viewer('GET', `/api/incidents?limit=2&before=${first.next_before}`)).body,
    )
    expect(second.incidents[0]?.id).toBeLessThan(first.incidents[1]?.id ?? 0)

    const target = made[2] as IncidentRow
    const byGateway = incidentsResponseSchema.parse(
      (await viewer('GET', `/api/incidents?gateway_id=${target.subjectId}`)).body,
    )
    expect(byGateway.incidents.map((i) => i.id)).toEqual([target.id])
    expect(byGateway.next_before).toBeNull()
    const resolved = incidentsResponseSchema.parse(
      (await viewer('GET', '/api/incidents?status=resolved')).body,
    )
    expect(resolved.incidents.every((i) => i.status === 'resolved')).toBe(true)

    for (const query of ['status=closed', 'kind=gateway_exploded', 'limit=0', 'before=x', 'colour=red']) {
      const res = await viewer('GET', `/api/incidents?${query}`)
      expect(res.status, query).toBe(400)
    }
  })

  it('shows one incident with its timeline; 404 for an unknown one', async () => {
    const incident = await makeIncident(t.deps.db)
    const res = await viewer('GET', `/api/incidents/${incident.id}`)
    const detail = incidentDetailResponseSchema.parse(res.body)
    expect(detail.incident).toMatchObject({
      id: incident.id,
      status: 'open',
      kind: 'gateway_down',
      in_maintenance: false,
    })
    expect(detail.timeline).toMatchObject([{ type: 'opened', actor: 'system' }])
    expect((await viewer('GET', '/api/incidents/999999')).status).toBe(404)
  })

  it('lets an operator acknowledge an open incident once, and publishes the change', async () => {
    const incident = await makeIncident(t.deps.db)
    expect((await viewer('POST', `/api/incidents/${incident.id}/ack`)).status).toBe(403)
    const res = await operator('POST', `/api/incidents/${incident.id}/ack`)
    expect(res.status, res.text).toBe(200)
    const acked = incidentResponseSchema.parse(res.body).incident
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledged_by: expect.stringMatching(/^user:/) })
    expect(acked.acknowledged_at).toBeGreaterThan(0)
    expect(await eventOf('incident.updated', incident)).toMatchObject({
      incident: { status: 'acknowledged' },
    })

    const again = await operator('POST', `/api/incidents/${incident.id}/ack`)
    expect(again.status).toBe(409)
    expect(again.body).toEqual({
      error: `incident ${incident.id} is acknowledged: only open incidents can be acknowledged`,
    })
    const { timeline } = incidentDetailResponseSchema.parse(
      (await viewer('GET', `/api/incidents/${incident.id}`)).body,
    )
    expect(timeline.map((e) => e.type)).toEqual(['opened', 'acknowledged'])
    expect((await operator('POST', '/api/incidents/999999/ack')).status).toBe(404)
  })

  it('resolves an open or acknowledged incident by hand once, queues its notice, and publishes it', async () => {
    const [channel] = await t.deps.db
      .insert(schema.alertChannels)
      .values({ name: 'resolve-notices', type: 'email', config: { to: ['ops@example.com'] } })
      .returning()
    const rule = await makeAlertRule(t.deps.db, { channelIds: [channel?.id ?? 0] })
    const incident = await makeIncident(t.deps.db, { ruleId: rule.id, notifiedAt: new Date() })
    await operator('POST', `/api/incidents/${incident.id}/ack`)
    const res = await operator('POST', `/api/incidents/${incident.id}/resolve`)
    expect(res.status, res.text).toBe(200)
    expect(incidentResponseSchema.parse(res.body).incident).toMatchObject({
      status: 'resolved',
      resolved_by: expect.stringMatching(/^user:/),
    })
    expect(await eventOf('incident.resolved', incident)).toMatchObject({ incident: { status: 'resolved' } })
    const outbox = await t.deps.db
      .select()
      .from(schema.alertNotifications)
      .where(eq(schema.alertNotifications.incidentId, incident.id))
    expect(outbox).toMatchObject([{ channelId: channel?.id, event: 'incident.resolved' }])

    const again = await operator('POST', `/api/incidents/${incident.id}/resolve`)
    expect(again.status).toBe(409)
    expect(again.body).toEqual({
      error: `incident ${incident.id} is resolved: only open or acknowledged incidents can be resolved`,
    })
    const ack = await operator('POST', `/api/incidents/${incident.id}/ack`)
    expect(ack.status).toBe(409)
  })
})
