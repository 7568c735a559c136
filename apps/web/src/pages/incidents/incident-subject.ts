import type { Incident } from '@mc/shared'

/** The page of what an incident is about: its gateway or its agent. */
export const subjectPath = (incident: Pick<Incident, 'subject_type' | 'subject_id'>) =>
  incident.subject_type === 'gateway' ? `/gateways/${incident.subject_id}` : `/agents/${incident.subject_id}`
