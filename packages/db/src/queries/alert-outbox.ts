import { sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { alertChannels } from '../schema/alert-channels.ts'
import { incidents } from '../schema/incidents.ts'
import { gatewayInMaintenance } from './incident-evaluation.ts'
import type { IncidentRow } from './incidents.ts'
import { rowOf } from './raw-row.ts'

export type NoticeEventName = 'incident.opened' | 'incident.reminder' | 'incident.resolved'

/** A gateway's incident, or one of its sessions' or tools', while the gateway is in a maintenance window. */
const sessionGateway = sql`(select x.gateway_id from gateway_sessions x where x.id = i.subject_id)`
const toolGateway = sql`(select t.gateway_id from gateway_tools t where t.id = i.subject_id)`
const subjectInMaintenance = sql`((i.subject_type = 'gateway' and ${gatewayInMaintenance(sql`i.subject_id`)})
  or (i.subject_type = 'session' and ${gatewayInMaintenance(sessionGateway)})
  or (i.subject_type = 'tool' and ${gatewayInMaintenance(toolGateway)}))`

/**
 * Puts the incidents' notices in the outbox of each enabled channel of their rules, and answers the
 * channels that got one. An opening or reminder of a gateway (or one of its sessions or tools) in maintenance
 * waits (the incident is marked and its timeline says so); a resolution is told only to those told
 * of the opening.
 */
export async function queueNotices(
  db: Database,
  incidentIds: number[],
  event: NoticeEventName,
): Promise<{ channelIds: number[] }> {
  if (incidentIds.length === 0) return { channelIds: [] }
  const resolution = event === 'incident.resolved'
  const rows = await db.execute<{ channel_id: number }>(sql`
    with i as (select * from incidents i where i.id = any(${sql.param(incidentIds)}::int[])),
    held as (
      update incidents set in_maintenance = true from i
      where ${!resolution} and incidents.id = i.id and ${subjectInMaintenance}
      returning incidents.id
    ), held_timeline as (
      insert into incident_timeline (incident_id, type, detail)
      select id, 'suppressed', 'in a maintenance window: notices wait for its end' from held
    ), told as (
      select i.* from i
      where case when ${resolution} then i.notified_at is not null else not ${subjectInMaintenance} end
    ), marked as (
      update incidents set notified_at = coalesce(incidents.notified_at, now()), last_notified_at = now()
      from told where incidents.id = told.id and ${!resolution}
    ), outbox as (
      insert into alert_notifications (channel_id, incident_id, event)
      select c.id, told.id, ${event} from told
      join alert_rules r on r.id = told.rule_id
      join alert_channels c on c.id = any(r.channel_ids) and c.enabled
      returning channel_id
    )
    select distinct channel_id from outbox`)
  return { channelIds: rows.map((row) => row.channel_id) }
}

export interface ClaimedNotice {
  notificationId: number
  event: NoticeEventName
  incident: IncidentRow
}

/**
 * What a delivery job sends: the notices it claimed before (a retry resends them) and every notice
 * of its channel no job has claimed yet, with the channel. Null when the channel is gone.
 */
export async function claimNotices(db: Database, channelId: number, jobId: string) {
  const [channel] = await db.execute<Record<string, unknown>>(
    sql`select * from alert_channels where id = ${channelId}`,
  )
  if (!channel) return null
  const rows = await db.execute<Record<string, unknown>>(sql`
    with claimed as (
      update alert_notifications set job_id = ${jobId}
      where channel_id = ${channelId} and (job_id is null or job_id = ${jobId}) and not delivered
      returning id as notification_id, event, incident_id
    )
    select c.notification_id, c.event, i.* from claimed c join incidents i on i.id = c.incident_id
    order by c.notification_id`)
  const notices: ClaimedNotice[] = rows.map((row) => ({
    notificationId: Number(row.notification_id),
    event: row.event as NoticeEventName,
    incident: rowOf(incidents, row),
  }))
  return { channel: rowOf(alertChannels, channel), notices }
}

export async function markNoticesDelivered(db: Database, notificationIds: number[]): Promise<void> {
  if (notificationIds.length === 0) return
  await db.execute(
    sql`update alert_notifications set delivered = true where id = any(${sql.param(notificationIds)}::int[])`,
  )
}

/** One timeline entry on each of the incidents (a delivery attempt, say). */
export async function addTimelineEntry(
  db: Database,
  incidentIds: number[],
  entry: { type: 'notified' | 'delivery_failed'; detail: string },
): Promise<void> {
  if (incidentIds.length === 0) return
  await db.execute(sql`
    insert into incident_timeline (incident_id, type, detail)
    select id, ${entry.type}, ${entry.detail} from unnest(${sql.param(incidentIds)}::int[]) as t(id)
    where exists (select 1 from incidents where incidents.id = t.id)`)
}

/** Open, unacknowledged incidents whose rule repeats and whose last notice is that old. */
export async function incidentsDueForReminder(db: Database): Promise<number[]> {
  const rows = await db.execute<{ id: number }>(sql`
    select i.id from incidents i join alert_rules r on r.id = i.rule_id
    where i.status = 'open' and r.repeat_every_s is not null and i.last_notified_at is not null
      and i.last_notified_at <= now() - make_interval(secs => r.repeat_every_s) and not ${subjectInMaintenance}`)
  return rows.map((row) => row.id)
}

/** Unresolved incidents whose opening was held by a maintenance window that has ended. */
export async function incidentsReleasedFromMaintenance(db: Database): Promise<number[]> {
  const rows = await db.execute<{ id: number }>(sql`
    select i.id from incidents i
    where i.status <> 'resolved' and i.in_maintenance and i.notified_at is null and not ${subjectInMaintenance}`)
  return rows.map((row) => row.id)
}

/**
 * Channels with notices no job has claimed for `olderThanS`: their delivery job was lost (Redis
 * restarted without its data, say). The alert tick queues a job for each.
 */
export async function channelsWithStrandedNotices(db: Database, olderThanS: number): Promise<number[]> {
  const rows = await db.execute<{ channel_id: number }>(sql`
    select distinct channel_id from alert_notifications
    where job_id is null and not delivered and created_at <= now() - make_interval(secs => ${olderThanS})`)
  return rows.map((row) => row.channel_id)
}
