import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { makeGateway, sessionRow } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { ALERT_KINDS } from '../alert-kinds/index.ts'
import { createAlertChannel } from './alert-channels.ts'
import { incidentsReleasedFromMaintenance, queueNotices } from './alert-outbox.ts'
import { createAlertRule } from './alert-rules.ts'
import { applySessionRows, endMissingSessions, sweepSessionStates } from './gateway-sessions.ts'
import { deleteGateway } from './gateways.ts'
import { evaluateIncidents, subjectsOfUnresolvedIncidents } from './incident-evaluation.ts'
import { findIncident, listIncidents, listIncidentTimeline } from './incidents.ts'
import { createMaintenanceWindow, endMaintenanceWindow } from './maintenance-windows.ts'

const t = useMigratedDatabase()
let seq = 0
const gateway = () => makeGateway(t.db, `gw-sessions-${++seq}`)
const defaults = { idleS: 1800, stuckS: 900 }
const minutesAgo = (minutes: number) => Date.now() - minutes * 60_000

/** A rule of `kind` watching these gateways' sessions only (each test has its own gateways). */
const rule = (kind: 'session_idle' | 'session_stuck', gatewayIds: number[], channelIds: number[] = []) =>
  createAlertRule(t.db, {
    name: kind,
    kind,
    params: {},
    scopeGatewayIds: gatewayIds,
    scopeAgentNames: [],
    channelIds,
    repeatEveryS: null,
    enabled: true,
  })

/** What the worker does after a watcher's write or the state sweep. */
const evaluate = (ids: number[], trigger: 'session' | 'tick' = 'session') =>
  evaluateIncidents(t.db, ALERT_KINDS, trigger, { type: 'session', ids })

const ids = (rows: { id: number }[]) => rows.map((row) => row.id)

function only<T>(rows: T[]): T {
  expect(rows).toHaveLength(1)
  return rows[0] as T
}

describe('session_idle and session_stuck', () => {
  it('an idle session opens a warning named after its gateway; used again, it resolves', async () => {
    const gw = await gateway()
    await rule('session_idle', [gw.id])
    const written = await applySessionRows(
      t.db,
      gw.id,
      [sessionRow('feas-001', { updatedAt: minutesAgo(45) }), sessionRow('busy', { label: null })],
      defaults,
    )
    const { opened, resolved } = await evaluate(ids(written))
    expect(resolved).toEqual([])
    expect(opened).toMatchObject([
      {
        kind: 'session_idle',
        severity: 'warning',
        subjectType: 'session',
        subjectId: written.find((s) => s.sessionKey === 'feas-001')?.id,
        subjectName: `${gw.name} / feas-001`,
        status: 'open',
        inMaintenance: false,
      },
    ])
    expect(opened[0]?.summary).toMatch(
      new RegExp(
        `^session feas-001 on ${gw.name} has been idle since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC$`,
      ),
    )
    // Evaluating the same facts again opens nothing more.
    expect((await evaluate(ids(written))).opened).toEqual([])

    const used = await applySessionRows(
      t.db,
      gw.id,
      [sessionRow('feas-001', { updatedAt: Date.now() })],
      defaults,
    )
    expect(used).toMatchObject([{ state: 'ready' }])
    const after = await evaluate(ids(used))
    expect(after.resolved).toMatchObject([{ id: opened[0]?.id, status: 'resolved', resolvedBy: null }])
  })

  it('the state sweep moving a run to stuck opens a critical incident; the session ending resolves it', async () => {
    const gw = await gateway()
    await rule('session_stuck', [gw.id])
    const running = only(
      await applySessionRows(
        t.db,
        gw.id,
        [sessionRow('run-1', { hasActiveRun: true, runStatus: 'running', updatedAt: Date.now() })],
        defaults,
      ),
    )
    expect(running).toMatchObject({ state: 'active' })
    expect((await evaluate(ids([running]))).opened).toEqual([])

    // Time is moved, not waited for: its last update is now older than the stuck threshold.
    await t.db.execute(
      sql`update gateway_sessions set last_activity_at = now() - interval '20 minutes' where id = ${running.id}`,
    )
    const moved = await sweepSessionStates(t.db, defaults)
    expect(moved).toContainEqual(expect.objectContaining({ id: running.id, state: 'stuck' }))
    const { opened } = await evaluate(ids(moved))
    expect(opened).toMatchObject([{ kind: 'session_stuck', severity: 'critical', subjectId: running.id }])
    expect(opened[0]?.summary).toMatch(
      new RegExp(`^session run-1 on ${gw.name} is stuck: its run \\(running\\) has had no update since `),
    )

    // A full load that began after the session was last seen, and did not list it: it is gone.
    const ended = await endMissingSessions(t.db, gw.id, [], new Date(Date.now() + 60_000))
    expect(ended).toMatchObject([{ id: running.id, state: 'ended' }])
    expect((await evaluate(ids(ended))).resolved).toMatchObject([{ id: opened[0]?.id }])
  })

  it('a rule scoped to gateways watches only their sessions', async () => {
    const [watched, other] = [await gateway(), await gateway()]
    await rule('session_idle', [watched.id])
    const idle = [sessionRow('quiet', { updatedAt: minutesAgo(60) })]
    const written = [
      ...(await applySessionRows(t.db, watched.id, idle, defaults)),
      ...(await applySessionRows(t.db, other.id, idle, defaults)),
    ]
    const { opened } = await evaluate(ids(written))
    expect(opened.map((row) => row.subjectName)).toEqual([`${watched.name} / quiet`])
  })

  it('a session of a gateway in maintenance is recorded and tells nobody until the window ends', async () => {
    const gw = await gateway()
    const channel = await createAlertChannel(t.db, {
      name: 'hook',
      type: 'webhook',
      enabled: true,
      config: { url: 'http://127.0.0.1:1/hook' },
      secret: null,
    })
    await rule('session_stuck', [gw.id], [channel.id])
    const window = await createMaintenanceWindow(t.db, {
      gatewayIds: [gw.id],
      startsAt: new Date(Date.now() - 60_000),
      endsAt: new Date(Date.now() + 3_600_000),
      reason: 'upgrade',
      createdBy: 'test',
    })
    const written = await applySessionRows(
      t.db,
      gw.id,
      [sessionRow('held', { hasActiveRun: true, updatedAt: minutesAgo(30) })],
      defaults,
    )
    const incident = only((await evaluate(ids(written))).opened)
    expect(incident).toMatchObject({ status: 'open', inMaintenance: true })
    expect(await queueNotices(t.db, [incident.id], 'incident.opened')).toEqual({ channelIds: [] })
    expect(await incidentsReleasedFromMaintenance(t.db)).not.toContain(incident.id)

    await endMaintenanceWindow(t.db, window.id)
    expect(await incidentsReleasedFromMaintenance(t.db)).toContain(incident.id)
    expect(await queueNotices(t.db, [incident.id], 'incident.opened')).toEqual({ channelIds: [channel.id] })
  })

  it('incidents of the sessions of a deleted gateway resolve on the alert tick', async () => {
    const gw = await gateway()
    const [idleRule, stuckRule] = [await rule('session_idle', [gw.id]), await rule('session_stuck', [gw.id])]
    const written = await applySessionRows(
      t.db,
      gw.id,
      [
        sessionRow('idle-one', { updatedAt: minutesAgo(60) }),
        sessionRow('stuck-one', { hasActiveRun: true, updatedAt: minutesAgo(60) }),
      ],
      defaults,
    )
    const { opened } = await evaluate(ids(written))
    expect(opened.map((row) => row.ruleId).sort()).toEqual([idleRule.id, stuckRule.id].sort())

    await deleteGateway(t.db, gw.id)
    const subjects = await subjectsOfUnresolvedIncidents(t.db, ALERT_KINDS)
    expect(subjects.session).toEqual(expect.arrayContaining(ids(written)))
    const { resolved } = await evaluate(subjects.session, 'tick')
    expect(ids(resolved).sort()).toEqual(ids(opened).sort())
    for (const row of opened) {
      expect(await findIncident(t.db, row.id)).toMatchObject({ status: 'resolved', resolvedBy: null })
      expect((await listIncidentTimeline(t.db, row.id)).at(-1)).toMatchObject({
        type: 'resolved',
        detail: 'its session no longer exists',
      })
    }
    const left = (await subjectsOfUnresolvedIncidents(t.db, ALERT_KINDS)).session
    expect(left.filter((id) => ids(written).includes(id))).toEqual([])
  })

  it('a session in neither state opens nothing, and session triggers leave other kinds alone', async () => {
    const gw = await gateway()
    await rule('session_idle', [gw.id])
    await rule('session_stuck', [gw.id])
    const written = await applySessionRows(
      t.db,
      gw.id,
      [sessionRow('fresh'), sessionRow('working', { hasActiveRun: true, updatedAt: Date.now() })],
      defaults,
    )
    expect(await evaluate(ids(written))).toEqual({ opened: [], resolved: [] })
    const { rows } = await listIncidents(t.db, { limit: 500 })
    expect(
      rows.filter((row) => row.subjectType === 'session' && ids(written).includes(row.subjectId)),
    ).toEqual([])
  })
})
