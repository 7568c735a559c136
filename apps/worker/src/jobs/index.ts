import type { JobDefinition } from './job-definition.ts'
import { pruneExpiredSessions } from './prune-expired-sessions.ts'

/** Every job this worker runs. A new kind of job is one file in this folder and one line here. */
export const jobDefinitions: JobDefinition[] = [pruneExpiredSessions as JobDefinition]
