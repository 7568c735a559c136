import { sql } from 'drizzle-orm'
import type { AlertKind } from './alert-kind.ts'

/**
 * Evaluated for the agents an expiry sweep took offline (their heartbeats stopped, not a clean
 * disconnect); clears when the agent connects again (a lost agent has no connection to beat on).
 */
export const agentLost: AlertKind = {
  kind: 'agent_lost',
  subject: 'agent',
  opensOn: ['expiry'],
  resolvesOn: ['agent_activity'],
  opensWhen: sql`s.status = 'offline'`,
  resolvesWhen: sql`s.status = 'online'`,
  summary: sql`'agent ' || s.name || ' stopped sending heartbeats and has no live connection'`,
}
