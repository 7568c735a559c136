import type { AlertSubjectType, Incident } from '@mc/shared'

const PAGES: Record<Exclude<AlertSubjectType, 'tool'>, string> = {
  gateway: '/gateways',
  agent: '/agents',
  session: '/sessions',
}

/**
 * The page of what an incident is about: its gateway, its agent or its session. Tools have pages by
 * name and gateway, not by id: a tool's incident opens the Tools page, degrading ones first.
 */
export const subjectPath = (incident: Pick<Incident, 'subject_type' | 'subject_id'>) =>
  incident.subject_type === 'tool' ? '/tools' : `${PAGES[incident.subject_type]}/${incident.subject_id}`
