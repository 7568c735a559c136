import { randomBytes } from 'node:crypto'
import { type Database, type IncidentRow, schema } from '@mc/db'
import type { Role } from '@mc/shared'
import { makeSignInCookie, makeUser, sameOriginHeaders } from './factories.ts'
import type { TestApp } from './test-app.ts'

/** A JSON call to the test app: its status, parsed body and raw text. */
export type Call = (
  method: string,
  url: string,
  body?: unknown,
) => Promise<{ status: number; body: unknown; text: string }>

/** Calls as a freshly signed-in user of `role`. */
export async function callerWithRole(t: TestApp, role: Role): Promise<Call> {
  const user = await makeUser(t.deps.db, { role })
  const headers = sameOriginHeaders(await makeSignInCookie(t.deps.db, user))
  return async (method, url, body) => {
    const res = await t.app.request(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null, text }
  }
}

/** An alert rule straight in the database, with defaults for everything not given. */
export async function makeAlertRule(
  db: Database,
  values: Partial<typeof schema.alertRules.$inferInsert> = {},
) {
  const [rule] = await db
    .insert(schema.alertRules)
    .values({
      name: `rule-${randomBytes(3).toString('hex')}`,
      kind: 'gateway_down',
      params: { after_failures: 2 },
      ...values,
    })
    .returning()
  if (!rule) throw new Error('rule insert returned nothing')
  return rule
}

/** An open incident of `ruleId` (a new rule when not given) with its `opened` timeline entry. */
export async function makeIncident(
  db: Database,
  values: Partial<typeof schema.incidents.$inferInsert> = {},
): Promise<IncidentRow> {
  const ruleId = values.ruleId ?? (await makeAlertRule(db)).id
  const subjectId = values.subjectId ?? Math.floor(Math.random() * 1_000_000) + 1
  const [incident] = await db
    .insert(schema.incidents)
    .values({
      ruleId,
      ruleName: 'Gateway down',
      kind: 'gateway_down',
      severity: 'critical',
      subjectType: 'gateway',
      subjectId,
      subjectName: `gw-${subjectId}`,
      summary: `gw-${subjectId} is offline`,
      ...values,
    })
    .returning()
  if (!incident) throw new Error('incident insert returned nothing')
  await db.insert(schema.incidentTimeline).values({ incidentId: incident.id, type: 'opened' })
  return incident
}
