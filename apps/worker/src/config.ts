import { hostname } from 'node:os'
import {
  alertingConfigShape,
  commonConfigShape,
  envBoolean,
  envInt,
  loadConfig,
  metricsConfigShape,
  probingConfigShape,
  secretKeySchema,
  tokenConfigShape,
} from '@mc/runtime'
import { z } from 'zod'

export const workerConfigSchema = z.object({
  ...commonConfigShape,
  ...alertingConfigShape,
  ...probingConfigShape,
  ...tokenConfigShape,
  ...metricsConfigShape,
  /** Prometheus scrapes the worker's own metrics (probes, sweeps, process) here; 0 turns it off. */
  WORKER_METRICS_PORT: envInt(9464, { min: 0, max: 65535 }),
  DB_POOL_MAX: envInt(5, { min: 1, max: 200 }),
  /** Postgres cancels a worker statement that runs longer; sweeps and rollups over big tables need time. */
  DB_STATEMENT_TIMEOUT_MS: envInt(60_000, { min: 100, max: 600_000 }),
  WORKER_HEARTBEAT_S: envInt(5, { min: 1, max: 60 }),
  WORKER_ID: z.string().min(1).default(`${hostname()}:${process.pid}`),
  /** Decrypts the stored gateway tokens for probes. */
  MC_SECRET_KEY: secretKeySchema,
  /** Probes wait on the network, not the CPU: enough in flight that a sweep takes about one timeout. */
  PROBE_CONCURRENCY: envInt(1000, { min: 1, max: 10_000 }),
  /** Failures in a row before an online gateway is shown as failed. */
  FAILURE_THRESHOLD: envInt(1, { min: 1, max: 100 }),
  PROBE_RETENTION_DAYS: envInt(30, { min: 1, max: 3650 }),
  /** Failed probes in a row of the primary before a healthy standby takes over. */
  FAILOVER_AFTER: envInt(3, { min: 1, max: 100 }),
  /** No second automatic failover within this long of the last: no ping-pong between two sick gateways. */
  FAILOVER_COOLDOWN_S: envInt(600, { min: 0, max: 86_400 }),
  /** Online probes in a row of the former primary before the role returns to it; 0 = never. */
  FAILBACK_AFTER: envInt(0, { min: 0, max: 1000 }),
  /** How often CLI connections without heartbeats are expired. */
  EXPIRY_SWEEP_S: envInt(15, { min: 1, max: 3600 }),
  /** How often reminders, the ends of maintenance windows and conditions that clear with time are checked. */
  ALERT_TICK_S: envInt(15, { min: 1, max: 3600 }),
  /** Hold a live connection to every gateway with a token and mirror its sessions. */
  WATCHERS_ENABLED: envBoolean(true),
  /** A session without a run and without activity for this long is idle (a gateway's own setting wins). */
  SESSION_IDLE_S: envInt(1800, { min: 5, max: 30 * 86_400 }),
  /** A session whose run shows no activity for this long is stuck (a gateway's own setting wins). */
  SESSION_STUCK_S: envInt(900, { min: 5, max: 30 * 86_400 }),
  /** How often sessions are moved to idle or stuck as time passes. */
  SESSION_SWEEP_S: envInt(15, { min: 1, max: 3600 }),
  /** Ended sessions are deleted after this many days. */
  SESSION_RETENTION_DAYS: envInt(30, { min: 1, max: 3650 }),
  /** How often a watcher reloads its gateway's whole session list (finds sessions deleted there). */
  SESSION_RELOAD_S: envInt(600, { min: 5, max: 86_400 }),
  /** Finished tool calls are kept this many days (their hourly rollups a year). */
  TOOL_CALL_RETENTION_DAYS: envInt(7, { min: 1, max: 3650 }),
  /** A gateway's event timeline and authentication failure counts are kept this many days. */
  GATEWAY_EVENT_RETENTION_DAYS: envInt(7, { min: 1, max: 3650 }),
  /** A gateway's events kept one by one per minute; beyond, one sampled row per event type and minute counts them. */
  GATEWAY_EVENTS_PER_MINUTE: envInt(120, { min: 1, max: 100_000 }),
  /** Timeline rows kept per gateway at most (the newest). */
  GATEWAY_EVENT_MAX_ROWS: envInt(100_000, { min: 100, max: 100_000_000 }),
  /** How often a watcher reads its gateway's log for failed handshakes. */
  LOG_POLL_S: envInt(30, { min: 5, max: 3600 }),
  /** How often a watcher reads its gateway's token usage (the gateway caches it: gently). */
  USAGE_POLL_S: envInt(300, { min: 30, max: 86_400 }),
})

export type WorkerConfig = z.infer<typeof workerConfigSchema>

export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env): WorkerConfig =>
  loadConfig(workerConfigSchema, env)
