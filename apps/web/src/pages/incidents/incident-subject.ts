import type { AlertSubjectType, Incident } from '@mc/shared'

const PAGES: Record<AlertSubjectType, string> = {
  gateway: '/gateways',
  agent: '/agents',
  session: '/sessions',
}

/** The page of what an incident is about: its gateway, its agent or its session. */
export const subjectPath = (incident: Pick<Incident, 'subject_type' | 'subject_id'>) =>
  `${PAGES[incident.subject_type]}/${incident.subject_id}`
