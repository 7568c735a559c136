import { fileURLToPath } from 'node:url'
import {
  alertingConfigShape,
  commonConfigShape,
  envInt,
  envOptionalString,
  loadConfig,
  metricsConfigShape,
  probingConfigShape,
  secretKeySchema,
  tokenConfigShape,
} from '@mc/runtime'
import { DEFAULT_GATEWAY_PORT, gatewayHostSchema } from '@mc/shared'
import { z } from 'zod'
import { trustProxySchema } from './auth/trusted-proxies.ts'

/** The SPA build, next to this app's bundle in the repo and in the Docker image. */
const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url))

export const apiConfigSchema = z.object({
  ...commonConfigShape,
  ...alertingConfigShape,
  ...probingConfigShape,
  ...tokenConfigShape,
  ...metricsConfigShape,
  PORT: envInt(3000, { min: 0, max: 65535 }),
  HOST: z.string().min(1).default('0.0.0.0'),
  DB_POOL_MAX: envInt(10, { min: 1, max: 200 }),
  /** Postgres cancels an api statement that runs longer (the request answers 503). */
  DB_STATEMENT_TIMEOUT_MS: envInt(5000, { min: 100, max: 600_000 }),
  BODY_LIMIT_BYTES: envInt(1024 * 1024, { min: 1024, max: 64 * 1024 * 1024 }),
  WEB_DIST_DIR: z.string().min(1).default(DEFAULT_WEB_DIST_DIR),
  /** Password of the first admin, used only when the database has no user yet. */
  MC_ADMIN_PASSWORD: envOptionalString().pipe(z.string().min(10, 'at least 10 characters').optional()),
  /** An automation key that acts as admin; for scripts that cannot be given a stored key. */
  MC_API_KEY: envOptionalString().pipe(z.string().min(24, 'at least 24 characters').optional()),
  MC_SECRET_KEY: secretKeySchema,
  MC_DEFAULT_GATEWAY_HOST: envOptionalString().pipe(gatewayHostSchema.optional()),
  MC_DEFAULT_GATEWAY_PORT: envInt(DEFAULT_GATEWAY_PORT, { min: 1, max: 65535 }),
  MC_DEFAULT_GATEWAY_TOKEN: envOptionalString(),
  MC_DEFAULT_GATEWAY_NAME: envOptionalString().pipe(z.string().max(100).default('Default gateway')),
  /** A CLI connection without a heartbeat for this long is disconnected (the seed's 60 s). */
  HEARTBEAT_TIMEOUT_S: envInt(60, { min: 5, max: 86_400 }),
  /** What tools are told to use between heartbeats; keep it well below the timeout. */
  HEARTBEAT_INTERVAL_S: envInt(30, { min: 1, max: 3600 }),
  SESSION_TTL_HOURS: envInt(168, { min: 1, max: 24 * 365 }),
  /** `GET /api/events`: a comment this often keeps proxies from closing an idle stream. */
  EVENTS_KEEPALIVE_S: envInt(15, { min: 1, max: 300 }),
  /** `GET /api/events` ends streams after this long; browsers resume at once, re-authenticated. */
  EVENTS_MAX_LIFETIME_S: envInt(600, { min: 1, max: 86_400 }),
  /** `/status/<slug>` pages fetch their figures again this often. */
  STATUS_PAGE_REFRESH_S: envInt(30, { min: 2, max: 3600 }),
  /** `GET /api/gateways/:id/live`: how often the upstream's latency is measured (a `health` request). */
  LIVE_PING_INTERVAL_MS: envInt(10_000, { min: 50, max: 600_000 }),
  /** The first wait before reconnecting a lost upstream; it doubles (with jitter) up to the maximum. */
  LIVE_BACKOFF_BASE_MS: envInt(1000, { min: 10, max: 60_000 }),
  LIVE_BACKOFF_MAX_MS: envInt(30_000, { min: 10, max: 600_000 }),
  /** Relays re-check their sign-in or key this often; a signed-out or demoted user is cut off. */
  LIVE_REAUTH_INTERVAL_MS: envInt(60_000, { min: 50, max: 3_600_000 }),
  /**
   * Behind reverse proxies: which hops are ours (`true` = one proxy, a number of proxies, or their
   * addresses/CIDRs); the client address is the hop before them in X-Forwarded-For, and their
   * X-Forwarded-Proto/Host count.
   */
  TRUST_PROXY: trustProxySchema,
})

export type ApiConfig = z.infer<typeof apiConfigSchema>

export const loadApiConfig = (env: NodeJS.ProcessEnv = process.env): ApiConfig =>
  loadConfig(apiConfigSchema, env)
