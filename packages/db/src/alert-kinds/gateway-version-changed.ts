import { sql } from 'drizzle-orm'
import type { AlertKind } from './alert-kind.ts'

/**
 * Evaluated only for the gateways whose probe just reported a new version (`previous_version` is
 * the one before), so it fires once per change.
 */
export const gatewayVersionChanged: AlertKind = {
  kind: 'gateway_version_changed',
  subject: 'gateway',
  opensOn: ['probe'],
  resolvesOn: [],
  opensWhen: sql`s.previous_version is not null and s.version is distinct from s.previous_version`,
  resolvesWhen: sql`false`,
  summary: sql`s.name || ' changed version: ' || s.previous_version || ' → ' || coalesce(s.version, 'unknown')`,
}
