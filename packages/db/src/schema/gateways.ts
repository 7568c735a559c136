import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt, timestamptz, updatedAt } from './columns.ts'
import { gatewayStatusEnum } from './enums.ts'

export const gateways = pgTable(
  'gateways',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    host: text('host').notNull(),
    port: integer('port').notNull().default(18789),
    /** The gateway auth token, AES-256-GCM encrypted; null when none is set. */
    token: text('token'),
    isPrimary: boolean('is_primary').notNull().default(false),
    /** Accept a self-signed certificate on wss:// (for gateways on private networks). */
    tlsInsecure: boolean('tls_insecure').notNull().default(false),
    status: gatewayStatusEnum('status').notNull().default('unknown'),
    lastSeen: timestamptz('last_seen'),
    latency: integer('latency'),
    sessionsCount: integer('sessions_count').notNull().default(0),
    agentsCount: integer('agents_count').notNull().default(0),
    version: text('version'),
    lastError: text('last_error'),
    lastProbeAt: timestamptz('last_probe_at'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    /** Online probes in a row: what failing back to a recovered former primary waits for. */
    consecutiveSuccesses: integer('consecutive_successes').notNull().default(0),
    /** A standby: lower goes first when the primary fails over; null = not a standby. */
    failoverPriority: integer('failover_priority'),
    /** Overrides SESSION_IDLE_S for this gateway's sessions; null: the worker's default. */
    sessionIdleS: integer('session_idle_s'),
    /** Overrides SESSION_STUCK_S for this gateway's sessions; null: the worker's default. */
    sessionStuckS: integer('session_stuck_s'),
    /** When the current token was set (an edit, a rotation, a promoted pending token). */
    tokenSetAt: timestamptz('token_set_at'),
    tokenRotatedAt: timestamptz('token_rotated_at'),
    /** How the last rotation was done: `auto` or `manual`. */
    tokenRotationMode: text('token_rotation_mode'),
    /** Rotate automatically every this many days; null: not on a schedule. */
    rotateEveryDays: integer('rotate_every_days'),
    /** Set while a rotation runs: a second one is refused until it ends (or is long gone). */
    tokenRotatingSince: timestamptz('token_rotating_since'),
    /** A manual rotation's token (encrypted like `token`), promoted once a probe finds it works. */
    pendingToken: text('pending_token'),
    pendingTokenExpiresAt: timestamptz('pending_token_expires_at'),
    /** Probes refused for a wrong token since the token was last set. */
    tokenMismatches: integer('token_mismatches').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('gateways_name_lower_key').on(sql`lower(${t.name})`),
    // The list order (the primary first, then by name): a page of 10,000 gateways is read, not sorted.
    index('gateways_list_order_idx').on(t.isPrimary.desc().nullsFirst(), sql`lower(${t.name})`, t.id),
    // At most one primary: the database enforces it, so concurrent updates cannot break it.
    uniqueIndex('gateways_one_primary_key').on(t.isPrimary).where(sql`${t.isPrimary}`),
    check('gateways_failover_priority_positive', sql`${t.failoverPriority} >= 1`),
    check('gateways_session_idle_s_min', sql`${t.sessionIdleS} >= 5`),
    check('gateways_session_stuck_s_min', sql`${t.sessionStuckS} >= 5`),
    check('gateways_rotate_every_days_range', sql`${t.rotateEveryDays} between 1 and 3650`),
    check(
      'gateways_pending_token_expiry',
      sql`(${t.pendingToken} is null) = (${t.pendingTokenExpiresAt} is null)`,
    ),
    check('gateways_token_rotation_mode', sql`${t.tokenRotationMode} in ('auto', 'manual')`),
  ],
)
