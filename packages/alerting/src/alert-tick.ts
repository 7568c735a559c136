import {
  ALERT_KINDS,
  channelsWithStrandedNotices,
  incidentsDueForReminder,
  incidentsReleasedFromMaintenance,
  subjectsOfUnresolvedIncidents,
} from '@mc/db'
import { ALERT_SUBJECT_TYPES } from '@mc/shared'
import type { AlertContext } from './alert-context.ts'
import type { AlertEvaluator } from './alert-evaluator.ts'
import { queueIncidentNotices, scheduleDeliveries } from './incident-notices.ts'

/** How long an unclaimed notice may wait past its group wait before its job counts as lost. */
const STRANDED_AFTER_S = 60

/**
 * What time alone changes: reminders of open, unacknowledged incidents; openings held back by a
 * maintenance window that has ended; conditions that clear with time (a flapping window, a new
 * budget day) and incidents of subjects that are gone (sessions of a deleted gateway); and
 * deliveries whose job was lost.
 */
export async function runAlertTick(ctx: AlertContext, evaluator: AlertEvaluator) {
  const subjects = await subjectsOfUnresolvedIncidents(ctx.db, ALERT_KINDS)
  for (const type of ALERT_SUBJECT_TYPES) await evaluator.evaluate('tick', { type, ids: subjects[type] })
  const reminders = await incidentsDueForReminder(ctx.db)
  await queueIncidentNotices(ctx, reminders, 'incident.reminder')
  const released = await incidentsReleasedFromMaintenance(ctx.db)
  await queueIncidentNotices(ctx, released, 'incident.opened')
  const stranded = await channelsWithStrandedNotices(
    ctx.db,
    ctx.settings.ALERT_GROUP_WAIT_S + STRANDED_AFTER_S,
  )
  await scheduleDeliveries(ctx, stranded)
  return { reminders: reminders.length, released: released.length, stranded: stranded.length }
}
