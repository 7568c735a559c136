import { z } from 'zod'
import type { ErrorShape } from '../protocol/frames.ts'
import { isRecord } from '../protocol/is-record.ts'
import type { FakeActivityLedger } from './fake-activity-ledger.ts'
import { CONFIG_PATH, type FakeConfig } from './fake-config.ts'
import type { FakeLog } from './fake-log.ts'
import type { FakeUsage } from './fake-usage.ts'
import { agentIdFor, DEFAULT_AGENT_ID, type FakeSessionRow, type FakeWorld } from './fake-world.ts'
import { paramsErrorMessage } from './params-error.ts'
import { hasScope, missingScopeError, type OperatorScope } from './scopes.ts'

export type MethodAnswer = { ok: true; payload: unknown } | { ok: false; error: ErrorShape }

export interface MethodContext {
  world: FakeWorld
  scopes: readonly string[]
  version: string
  port: number
  startedAt: number
  activity: FakeActivityLedger
  log: FakeLog
  usage: FakeUsage
  /** Starts the usage cache's refresh (it settles later). */
  refreshUsage(): void
  /** Turns on `sessions.changed` events for the calling connection. */
  subscribeSessions(): void
  config: FakeConfig
  /** Runs `run` once the answer is sent (a config write closes connections only after answering). */
  afterReply(run: () => void): void
}

interface Method {
  /** null: allowed without any scope (only `health`, as on the real gateway). */
  scope: OperatorScope | null
  handle(params: unknown, context: MethodContext): MethodAnswer
}

const emptyParams = z.strictObject({})
const sessionsListParams = z.looseObject({
  limit: z.int().min(1).optional(),
  offset: z.int().min(0).optional(),
  agentId: z.string().min(1).optional(),
  activeMinutes: z.number().positive().optional(),
  search: z.string().optional(),
  label: z.string().optional(),
  archived: z.union([z.boolean(), z.literal('all')]).optional(),
})
type SessionsListParams = z.infer<typeof sessionsListParams>
const agentsCreateParams = z.strictObject({
  name: z.string().min(1),
  workspace: z.string().min(1).optional(),
  model: z.string().min(1).optional(),
  emoji: z.string().optional(),
  avatar: z.string().optional(),
})
const sessionsCreateParams = z.looseObject({
  agentId: z.string().min(1).optional(),
  label: z.string().min(1).max(512).optional(),
})

const nonEmpty = z.string().min(1)
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
// The real schemas of these reading methods refuse unknown properties.
const auditActivityListParams = z.strictObject({
  agentId: nonEmpty.optional(),
  sessionKey: nonEmpty.optional(),
  runId: nonEmpty.optional(),
  kind: z.enum(['agent_run', 'tool_action', 'inbound_message', 'outbound_message']).optional(),
  status: nonEmpty.optional(),
  direction: nonEmpty.optional(),
  channel: nonEmpty.optional(),
  after: z.int().min(0).optional(),
  before: z.int().min(0).optional(),
  limit: z.int().min(1).max(500).optional(),
  cursor: nonEmpty.optional(),
})
const logsTailParams = z.strictObject({
  cursor: z.int().min(0).optional(),
  limit: z.int().min(1).max(5000).optional(),
  maxBytes: z.int().min(1).max(1_000_000).optional(),
})
const sessionsUsageParams = z.strictObject({
  key: nonEmpty.optional(),
  agentId: nonEmpty.optional(),
  agentScope: z.literal('all').optional(),
  startDate: day.optional(),
  endDate: day.optional(),
  mode: z.enum(['utc', 'gateway', 'specific']).optional(),
  utcOffset: z.string().optional(),
  range: z.string().optional(),
  limit: z.int().min(1).optional(),
  includeContextWeight: z.boolean().optional(),
})
const configPatchParams = z.looseObject({
  raw: z.string().min(1),
  baseHash: z.string().min(1).optional(),
})

const DEFAULT_SESSIONS_LIMIT = 100

const METHODS: Record<string, Method> = {
  'agents.list': {
    scope: 'operator.read',
    handle: (params, { world }) =>
      withParams('agents.list', emptyParams, params, () =>
        ok({
          defaultId: DEFAULT_AGENT_ID,
          mainKey: 'main',
          scope: 'per-sender',
          agents: world.agents.map(({ id, name, workspace }) => ({ id, name, workspace })),
        }),
      ),
  },
  'sessions.list': {
    scope: 'operator.read',
    handle: (params, { world }) =>
      withParams('sessions.list', sessionsListParams, params, (filters) => {
        const { limit, offset = 0 } = filters
        const all = world.newestFirst().filter(sessionFilter(filters, Date.now()))
        const limitApplied = limit ?? DEFAULT_SESSIONS_LIMIT
        const page = all.slice(offset, offset + limitApplied)
        const hasMore = offset + page.length < all.length
        return ok({
          ts: Date.now(),
          path: '(multiple)',
          count: page.length,
          totalCount: all.length,
          limitApplied,
          nextOffset: hasMore ? offset + page.length : null,
          hasMore,
          sessions: page.map((row) => ({ ...row })),
        })
      }),
  },
  'agents.create': {
    // The published schema and the real gateway both want admin here, not write.
    scope: 'operator.admin',
    handle: (params, { world }) =>
      withParams('agents.create', agentsCreateParams, params, ({ name }) => {
        if (world.hasAgent(agentIdFor(name))) return invalid(`agent "${agentIdFor(name)}" already exists`)
        const agent = world.addAgent(name)
        return ok({ ok: true, agentId: agent.id, name: agent.name, workspace: agent.workspace })
      }),
  },
  'sessions.create': {
    scope: 'operator.write',
    handle: (params, { world }) =>
      withParams('sessions.create', sessionsCreateParams, params, ({ agentId = DEFAULT_AGENT_ID, label }) => {
        if (!world.hasAgent(agentId)) return invalid(`unknown agent id "${agentId}"`)
        const { key, sessionId, createdAt, updatedAt } = world.addSession(agentId, { label })
        return ok({
          ok: true,
          key,
          sessionId,
          entry: { sessionId, createdAt, updatedAt, label },
          runStarted: false,
        })
      }),
  },
  'sessions.subscribe': {
    scope: 'operator.read',
    handle: (params, { subscribeSessions }) =>
      withParams('sessions.subscribe', emptyParams, params, () => {
        subscribeSessions()
        return ok({ subscribed: true })
      }),
  },
  'audit.activity.list': {
    scope: 'operator.read',
    handle: (params, { activity }) =>
      withParams('audit.activity.list', auditActivityListParams, params, (query) => ok(activity.list(query))),
  },
  'logs.tail': {
    scope: 'operator.read',
    handle: (params, { log }) =>
      withParams('logs.tail', logsTailParams, params, (query) => ok(log.tail(query))),
  },
  'sessions.usage': {
    scope: 'operator.read',
    handle: (params, { usage, world, refreshUsage }) =>
      withParams('sessions.usage', sessionsUsageParams, params, (query) =>
        ok(usage.sessionsUsage(query, world.newestFirst(), refreshUsage)),
      ),
  },
  'usage.cost': {
    scope: 'operator.read',
    handle: (_params, { usage, refreshUsage }) => ok(usage.usageCost(refreshUsage)),
  },
  status: {
    scope: 'operator.read',
    handle: (_params, { world, version }) =>
      ok({
        runtimeVersion: version,
        sessions: { count: world.sessions.length, byAgent: sessionsByAgent(world) },
        processMemory: { rssBytes: process.memoryUsage.rss() },
        tasks: { total: 0, active: 0, terminal: 0, failures: 0 },
      }),
  },
  'config.get': {
    scope: 'operator.read',
    handle: (params, { config }) =>
      withParams('config.get', emptyParams, params, () =>
        ok({
          path: CONFIG_PATH,
          exists: true,
          valid: true,
          hash: config.hash,
          config: config.redacted(),
          issues: [],
          warnings: [],
        }),
      ),
  },
  'config.patch': {
    scope: 'operator.admin',
    handle: (params, { config, afterReply }) =>
      withParams('config.patch', configPatchParams, params, ({ raw, baseHash }) => {
        const patch = parseObject(raw)
        if (!patch) return invalid('invalid config.patch raw: must be a JSON object')
        const result = config.patch(patch, baseHash)
        if (!result.ok) return invalid(result.message)
        afterReply(() => config.announceWrite(result.changedPaths))
        return ok({
          ok: true,
          path: CONFIG_PATH,
          hash: config.hash,
          config: config.redacted(),
          changedPaths: result.changedPaths,
          sentinel: {
            persisted: true,
            payload: {
              kind: 'config-patch',
              status: 'ok',
              ts: Date.now(),
              message: null,
              stats: { mode: 'config.patch', root: CONFIG_PATH, requiresRestart: false },
            },
          },
        })
      }),
  },
  health: { scope: null, handle: (_params, { world }) => ok(healthSnapshot(world)) },
  'system.info': {
    scope: 'operator.read',
    handle: (_params, { port, startedAt }) =>
      ok({
        hostname: 'fake-gateway',
        platform: process.platform,
        arch: process.arch,
        nodeVersion: process.version,
        port,
        uptimeMs: Date.now() - startedAt,
        cpuCount: 1,
      }),
  },
}

export const FAKE_METHOD_NAMES = Object.keys(METHODS)

/** Answers one request the way the real gateway would, scope checks included. */
export function answerMethod(method: string, params: unknown, context: MethodContext): MethodAnswer {
  const handler = METHODS[method]
  // Unknown methods need admin on the real gateway: without it the answer is a scope error.
  if (!handler) {
    return hasScope(context.scopes, 'operator.admin')
      ? invalid(`unknown method: ${method}`)
      : { ok: false, error: missingScopeError('operator.admin') }
  }
  if (handler.scope && !hasScope(context.scopes, handler.scope)) {
    return { ok: false, error: missingScopeError(handler.scope) }
  }
  return handler.handle(params, context)
}

export function healthSnapshot(world: FakeWorld) {
  const byAgent = sessionsByAgent(world)
  return {
    ok: true,
    ts: Date.now(),
    durationMs: 0,
    defaultAgentId: DEFAULT_AGENT_ID,
    agents: byAgent.map(({ agentId, count }) => ({
      agentId,
      isDefault: agentId === DEFAULT_AGENT_ID,
      sessions: { count },
    })),
    sessions: { count: byAgent.find(({ agentId }) => agentId === DEFAULT_AGENT_ID)?.count ?? 0 },
  }
}

/** The real filters: archived sessions only when asked for, `activeMinutes` by `updatedAt`. */
function sessionFilter(filters: SessionsListParams, now: number) {
  const { agentId, activeMinutes, label, archived = false } = filters
  const search = filters.search?.toLowerCase()
  return (row: FakeSessionRow) =>
    (archived === 'all' || row.archived === archived) &&
    (!agentId || row.agentId === agentId) &&
    (activeMinutes === undefined || row.updatedAt >= now - activeMinutes * 60_000) &&
    (label === undefined || row.label === label) &&
    (!search || [row.key, row.label ?? ''].some((text) => text.toLowerCase().includes(search)))
}

function sessionsByAgent(world: FakeWorld) {
  return world.agents.map(({ id }) => ({
    agentId: id,
    count: world.sessions.filter((row) => row.agentId === id).length,
  }))
}

function withParams<T>(
  method: string,
  schema: z.ZodType<T>,
  params: unknown,
  run: (params: T) => MethodAnswer,
): MethodAnswer {
  const parsed = schema.safeParse(params ?? {})
  return parsed.success ? run(parsed.data) : invalid(paramsErrorMessage(`${method} params`, parsed.error))
}

function parseObject(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw)
    return isRecord(value) ? value : null
  } catch {
    return null
  }
}

function ok(payload: unknown): MethodAnswer {
  return { ok: true, payload }
}

function invalid(message: string): MethodAnswer {
  return { ok: false, error: { code: 'INVALID_REQUEST', message } }
}
