import { ALERT_SEVERITIES, type AlertSeverity, formatDuration } from '@mc/shared'
import type { AlertMessage, IncidentNotice, NoticeEvent } from '../alert-message.ts'

/**
 * The words every channel uses for a message: its title and one line per notice. Channels only
 * decorate these (escaping, links, colours), so a message reads the same everywhere.
 */

/** A line never grows past this, so one long error cannot eat a channel's whole size limit. */
const LINE_CHARS = 300
/** How many subject names a title lists before "…". */
const TITLE_NAMES = 3

const SEVERITY_ICONS = { critical: '🔴', warning: '🟠', info: '🔵' } as const
const RESOLVED_ICON = '✅'

const EVENT_WORDS: Record<NoticeEvent, string> = {
  'incident.opened': 'opened',
  'incident.reminder': 'still open',
  'incident.resolved': 'resolved',
}

export const TEST_LINE = 'This is a test message from Mission Control: this channel works.'

/** "3 incidents opened: gw-a, gw-b, gw-c, …", "2 incidents (1 opened, 1 resolved): gw-a, gw-b". */
export function messageTitle(message: AlertMessage): string {
  const { notices } = message
  if (message.event === 'test' || notices.length === 0) return 'Test message'
  const counted = `${notices.length} ${notices.length === 1 ? 'incident' : 'incidents'}`
  const what =
    message.event === 'incident.batch'
      ? `${counted} (${eventCounts(notices)})`
      : `${counted} ${EVENT_WORDS[message.event]}`
  return `${what}: ${subjectNames(notices)}`
}

/** The icon, the subject's state, and for a closed incident how long it lasted. */
export function noticeLine(notice: IncidentNotice): string {
  const icon = notice.event === 'incident.resolved' ? RESOLVED_ICON : SEVERITY_ICONS[notice.severity]
  const text =
    notice.event === 'incident.resolved'
      ? `${notice.subject.name}: ${notice.ruleName} resolved after ${formatDuration(lastedSeconds(notice))}`
      : notice.event === 'incident.reminder'
        ? `${notice.summary} (${notice.ruleName}, still open after ${formatDuration(lastedSeconds(notice))})`
        : `${notice.summary} (${notice.ruleName}, ${notice.severity})`
  return clip(`${icon} ${text}`, LINE_CHARS)
}

/** The lines of a message's body: one per notice, or the test line. */
export function messageLines(message: AlertMessage): string[] {
  return message.notices.length === 0 ? [TEST_LINE] : message.notices.map(noticeLine)
}

/** Where a click on the whole message should go: the one incident, else the dashboard. */
export function messageUrl(message: AlertMessage): string | null {
  const [only] = message.notices
  return (message.notices.length === 1 ? only?.url : null) ?? message.dashboardUrl
}

/** The gravest severity among incidents not resolved; null when all are (or it is a test). */
export function gravestOpenSeverity(notices: IncidentNotice[]): AlertSeverity | null {
  const open = new Set(
    notices.filter((notice) => notice.event !== 'incident.resolved').map((notice) => notice.severity),
  )
  // ALERT_SEVERITIES lists the gravest first.
  return ALERT_SEVERITIES.find((severity) => open.has(severity)) ?? null
}

export const moreLine = (count: number) => `…and ${count} more`

/**
 * As many of `lines` as fit in `limit` (measured with `measure`, which must add up over
 * concatenation, like string length or UTF-8 bytes), ending with "…and N more" when some do not.
 */
export function fitLines(
  lines: string[],
  limit: number,
  measure: (text: string) => number = (text) => text.length,
): string {
  if (takeLines(lines, limit, measure) === lines.length) return lines.join('\n')
  // Room for the longest "…and N more" there could be, so the shown lines never push it out.
  const room = limit - measure(`\n${moreLine(lines.length)}`)
  const shown = takeLines(lines, room, measure)
  return [...lines.slice(0, shown), moreLine(lines.length - shown)].join('\n')
}

/** How many leading `lines`, joined by newlines, fit in `limit`. */
export function takeLines(lines: string[], limit: number, measure: (text: string) => number): number {
  let size = 0
  for (const [index, line] of lines.entries()) {
    size += measure(line) + (index === 0 ? 0 : measure('\n'))
    if (size > limit) return index
  }
  return lines.length
}

/** `text` cut to `max` characters, with "…" when it was cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

function lastedSeconds(notice: IncidentNotice): number {
  const end = notice.resolvedAt ?? new Date()
  return (end.getTime() - notice.openedAt.getTime()) / 1000
}

function subjectNames(notices: IncidentNotice[]): string {
  const names = notices.slice(0, TITLE_NAMES).map((notice) => notice.subject.name)
  return notices.length > TITLE_NAMES ? `${names.join(', ')}, …` : names.join(', ')
}

function eventCounts(notices: IncidentNotice[]): string {
  const counts = new Map<NoticeEvent, number>()
  for (const notice of notices) counts.set(notice.event, (counts.get(notice.event) ?? 0) + 1)
  return [...counts].map(([event, count]) => `${count} ${EVENT_WORDS[event]}`).join(', ')
}
