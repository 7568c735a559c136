import { DEFAULT_TOKEN_MAX_AGE_DAYS } from '@mc/shared'
import { z } from 'zod'
import { StartupError } from './startup-error.ts'

/**
 * An empty variable counts as unset, so it gets its default: `FOO=` in an .env file, or a compose
 * `environment:` entry that passes along a variable the .env leaves empty, is the same as no `FOO`.
 */
function withoutEmpty(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
}

/**
 * Parses `env` with `schema` (empty variables counting as unset), or throws a StartupError naming
 * every bad variable on one line.
 */
export function loadConfig<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const result = schema.safeParse(withoutEmpty(env))
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`)
  throw new StartupError(`invalid configuration: ${problems.join('; ')}`)
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on'])
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off'])

/** An env flag: accepts 1/0, true/false, yes/no, on/off. */
export function envBoolean(defaultValue: boolean) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return defaultValue
      const word = value.toLowerCase()
      if (TRUE_WORDS.has(word)) return true
      if (FALSE_WORDS.has(word)) return false
      ctx.addIssue({ code: 'custom', message: `expected true or false, got "${value}"` })
      return z.NEVER
    })
}

export function envInt(defaultValue: number, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) {
  return z.coerce.number().int().min(min).max(max).default(defaultValue)
}

/** An optional string setting (through `loadConfig`, empty counts as unset). */
export function envOptionalString() {
  return z.string().optional()
}

function urlWithProtocols(name: string, protocols: string[]) {
  return z
    .string({ error: `${name} is required` })
    .min(1, { error: `${name} is required`, abort: true })
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol)
        } catch {
          return false
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    )
}

export const databaseUrlSchema = urlWithProtocols('DATABASE_URL', ['postgres:', 'postgresql:'])
export const redisUrlSchema = urlWithProtocols('REDIS_URL', ['redis:', 'rediss:'])
export const logLevelSchema = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  .default('info')
/**
 * `json` for log collectors, `pretty` for a person at a terminal: by default, pretty exactly when
 * stdout is a terminal (`npm start` on a console), JSON everywhere else (containers, pipes, files).
 */
export const logFormatSchema = z
  .enum(['json', 'pretty'])
  .default(() => (process.stdout.isTTY ? 'pretty' : 'json'))
export type LogFormat = z.infer<typeof logFormatSchema>

/** Settings every server process shares. */
export const commonConfigShape = {
  DATABASE_URL: databaseUrlSchema,
  REDIS_URL: redisUrlSchema,
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only')
    .default('mc'),
  LOG_LEVEL: logLevelSchema,
  LOG_FORMAT: logFormatSchema,
  MIGRATE_ON_START: envBoolean(true),
  SHUTDOWN_TIMEOUT_MS: envInt(8000, { min: 100, max: 120_000 }),
  /** A Postgres connection not open by then fails its queries: requests answer 503 instead of hanging. */
  DB_CONNECT_TIMEOUT_MS: envInt(1500, { min: 100, max: 60_000 }),
}

const optionalUrl = (protocols: string[]) =>
  envOptionalString().pipe(
    z
      .string()
      .refine(
        (value) => URL.canParse(value) && protocols.includes(new URL(value).protocol),
        `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
      )
      .optional(),
  )

/**
 * Alerting settings the api (test sends, manual resolves) and the worker (deliveries) share.
 * SMTP_URL may hold the mail server's password: it is a secret, never logged.
 */
export const alertingConfigShape = {
  /** Where people open the dashboard: links in alerts point there. */
  PUBLIC_URL: optionalUrl(['http:', 'https:']),
  SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
  /** The sender of alert mails, e.g. `Mission Control <alerts@example.com>`. */
  SMTP_FROM: envOptionalString().pipe(z.string().trim().min(1).max(320).optional()),
  /** Notifications for one channel within this many seconds go out as one message. */
  ALERT_GROUP_WAIT_S: envInt(10, { min: 0, max: 300 }),
  /**
   * The first retry of a failed delivery waits this long, each next one twice as long: with the
   * default, 6 attempts span about 10 minutes.
   */
  ALERT_RETRY_BASE_MS: envInt(20_000, { min: 10, max: 600_000 }),
}

/**
 * Probe settings the worker (which probes) and the api share: manual probes wait for the deadline,
 * and a manual failover counts a standby's last probe as fresh within two intervals, as the worker's
 * automatic one does.
 */
export const probingConfigShape = {
  PROBE_INTERVAL_S: envInt(30, { min: 5, max: 3600 }),
  PROBE_TIMEOUT_MS: envInt(5000, { min: 200, max: 60_000 }),
}

/**
 * Gateway token settings the api (manual rotations, the age it shows) and the worker (promotion,
 * expiry, the `token_stale` incident) share, so both call the same token stale.
 */
export const tokenConfigShape = {
  /** A manual rotation's token waits this many hours for the gateway's owner to apply it. */
  TOKEN_PENDING_TTL_H: envInt(24, { min: 1, max: 720 }),
  /** A gateway token older than this many days is stale. */
  TOKEN_MAX_AGE_DAYS: envInt(DEFAULT_TOKEN_MAX_AGE_DAYS, { min: 1, max: 3650 }),
}

/** A standby's last probe counts for a failover when it is at most two probe intervals old. */
export const failoverFreshS = (config: { PROBE_INTERVAL_S: number }) => 2 * config.PROBE_INTERVAL_S
