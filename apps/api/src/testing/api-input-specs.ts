import {
  agentsQuerySchema,
  alertDeliveriesQuerySchema,
  auditQuerySchema,
  authFailuresQuerySchema,
  connectionsQuerySchema,
  connectRequestSchema,
  createAlertRuleRequestSchema,
  createApiKeyRequestSchema,
  createGatewayRequestSchema,
  createMaintenanceWindowRequestSchema,
  createStatusPageRequestSchema,
  createUserRequestSchema,
  deleteGatewayRequestSchema,
  disconnectRequestSchema,
  failoverRequestSchema,
  failoversQuerySchema,
  gatewayEventsQuerySchema,
  gatewaysQuerySchema,
  heartbeatRequestSchema,
  incidentsQuerySchema,
  loginRequestSchema,
  MAX_ID,
  MAX_SESSION_THRESHOLD_S,
  MIN_SESSION_THRESHOLD_S,
  modelPriceInputSchema,
  probeHistoryQuerySchema,
  probeRequestSchema,
  recentProbesQuerySchema,
  rotateTokenRequestSchema,
  sessionsQuerySchema,
  statusChangesQuerySchema,
  toolQuerySchema,
  toolsQuerySchema,
  updateAlertChannelRequestSchema,
  updateAlertRuleRequestSchema,
  updateGatewayRequestSchema,
  updateStatusPageRequestSchema,
  updateUserRequestSchema,
  usageQuerySchema,
} from '@mc/shared'
import fc from 'fast-check'
import type { z } from 'zod'
import type { BodySpec, QuerySpec } from './hostile-requests.ts'
import { FIRST_MISSING_ID, hostileString, missingId } from './hostile-values.ts'

/** What the bad-input fuzz test knows of the API's bodies and queries, keyed `METHOD /path`. */

const text = (max: number) =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }).filter((value) => value.trim() !== '')
const role = fc.constantFrom('viewer', 'operator', 'admin')
const unseededId = fc.integer({ min: FIRST_MISSING_ID, max: MAX_ID })
const password = fc.string({ unit: 'grapheme', minLength: 10, maxLength: 40 })
const sessionThreshold = fc.option(fc.integer({ min: MIN_SESSION_THRESHOLD_S, max: MAX_SESSION_THRESHOLD_S }))
const gatewayFields = {
  name: text(40),
  host: fc.constantFrom('gw.internal', '10.0.0.7', '[::1]', 'ws://gw-9', 'wss://gw.example/path?room=1'),
  port: fc.integer({ min: 1, max: 65535 }),
  token: fc.option(text(60)),
  is_primary: fc.boolean(),
  failover_priority: fc.option(fc.integer({ min: 1, max: 1000 })),
  session_idle_s: sessionThreshold,
  session_stuck_s: sessionThreshold,
}
const metadata = fc.dictionary(text(12), fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme' }), {
  maxKeys: 4,
})
const missingConnection = fc.oneof(hostileString, missingId)

export const bodySpecs: Record<string, BodySpec> = {
  'POST /auth/login': {
    schema: loginRequestSchema,
    valid: fc.record({ username: text(60), password: text(60) }),
  },
  'POST /users': {
    schema: createUserRequestSchema,
    valid: fc.record({ username: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{2,30}$/), password, role }),
  },
  'PATCH /users/:id': {
    schema: updateUserRequestSchema,
    valid: fc.record({ role, disabled: fc.boolean(), password }, { requiredKeys: ['role'] }),
  },
  'POST /keys': { schema: createApiKeyRequestSchema, valid: fc.record({ name: text(60), role }) },
  'POST /gateways': {
    schema: createGatewayRequestSchema,
    valid: fc.record(gatewayFields, { requiredKeys: ['name', 'host'] }),
  },
  'PUT /gateways': {
    schema: updateGatewayRequestSchema,
    valid: fc.record({ id: unseededId, ...gatewayFields }, { requiredKeys: ['id', 'name'] }),
    target: fc.record({ id: missingId }),
  },
  'DELETE /gateways': {
    schema: deleteGatewayRequestSchema,
    valid: fc.record({ id: unseededId }),
    target: fc.record({ id: missingId }),
  },
  'POST /gateways/health': {
    schema: probeRequestSchema,
    valid: fc.record({ ids: fc.array(unseededId, { minLength: 1, maxLength: 5 }) }),
    // Without id or ids it would probe every gateway: always name one that does not exist.
    target: fc.oneof(
      fc.record({ id: missingId }),
      fc.record({ ids: fc.array(missingId, { minLength: 1, maxLength: 5 }) }),
    ),
  },
  'POST /gateways/failover': {
    schema: failoverRequestSchema,
    valid: fc.record({ to_id: unseededId }),
    // Without to_id it would fail over to the best standby: always name one that does not exist.
    target: fc.record({ to_id: missingId }),
  },
  'POST /gateways/:id/rotate-token': {
    schema: rotateTokenRequestSchema,
    valid: fc.record({ mode: fc.constantFrom('auto', 'manual') }),
  },
  'PATCH /alerts/channels/:id': {
    schema: updateAlertChannelRequestSchema,
    valid: fc.record({ name: text(40), enabled: fc.boolean() }, { requiredKeys: ['name'] }),
  },
  'POST /alerts/rules': {
    schema: createAlertRuleRequestSchema,
    valid: fc.record({
      name: text(40),
      kind: fc.constantFrom('gateway_down', 'agent_lost'),
      channel_ids: fc.constant([]),
    }),
  },
  'PATCH /alerts/rules/:id': {
    schema: updateAlertRuleRequestSchema,
    valid: fc.record({ name: text(40), enabled: fc.boolean() }, { requiredKeys: ['name'] }),
  },
  'POST /maintenance': {
    schema: createMaintenanceWindowRequestSchema,
    valid: fc.record({
      gateway_ids: fc.array(unseededId, { minLength: 1, maxLength: 3 }),
      starts_at: fc.constant(1_800_000_000),
      ends_at: fc.constant(1_800_003_600),
      reason: text(60),
    }),
  },
  'POST /status-pages': {
    schema: createStatusPageRequestSchema,
    valid: fc.record(
      {
        slug: fc.stringMatching(/^[a-z0-9]{2,20}(?:-[a-z0-9]{1,20})?$/),
        title: text(60),
        description: text(200),
        // Ids naming no gateway: a body that passes the schema still changes nothing.
        gateway_ids: fc.uniqueArray(unseededId, { minLength: 1, maxLength: 3 }),
        public: fc.boolean(),
        show_errors: fc.boolean(),
      },
      { requiredKeys: ['slug', 'title', 'gateway_ids'] },
    ),
  },
  'PATCH /status-pages/:id': {
    schema: updateStatusPageRequestSchema,
    valid: fc.record({ title: text(60), public: fc.boolean() }, { requiredKeys: ['title'] }),
  },
  'PUT /model-prices/:model': {
    schema: modelPriceInputSchema,
    upsert: true,
    valid: fc.record({
      input_usd_per_mtok: fc.double({ min: 0, max: 100_000, noNaN: true }),
      output_usd_per_mtok: fc.double({ min: 0, max: 100_000, noNaN: true }),
    }),
  },
  'POST /connect': {
    schema: connectRequestSchema,
    valid: fc.record(
      { agent_name: text(60), tool_name: text(60), tool_version: text(30), agent_role: text(30), metadata },
      { requiredKeys: ['agent_name', 'tool_name'] },
    ),
  },
  'DELETE /connect': {
    schema: disconnectRequestSchema,
    valid: fc.record({ connection_id: text(60) }),
    target: fc.record({ connection_id: missingConnection }),
  },
  'POST /agents/:id/heartbeat': {
    // The object the legacy `token_usage` is converted from: its fields are what the fuzzer sends.
    schema: heartbeatRequestSchema.in,
    valid: fc.record(
      {
        connection_id: text(60),
        tokens: fc.record({ input: fc.nat(), output: fc.nat(), model: text(60) }),
      },
      { requiredKeys: ['connection_id'] },
    ),
    target: fc.record({ connection_id: missingConnection }),
  },
}

/** A query the schema refuses: hostile values for its own keys beside a key it does not know. */
function strictQuery(schema: z.ZodObject): QuerySpec {
  const keys = Object.keys(schema.shape)
  const value = fc.oneof(hostileString, fc.nat().map(String))
  return {
    keys,
    refused: fc
      .record({
        known: fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 3 }),
        unknown: fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !keys.includes(key)),
      })
      .map(({ known, unknown }) => ({ ...known, [unknown]: '1' })),
    harmless: true,
  }
}

export const querySpecs: Record<string, QuerySpec> = {
  'GET /agents': strictQuery(agentsQuerySchema),
  'GET /connect': strictQuery(connectionsQuerySchema),
  'GET /audit': strictQuery(auditQuerySchema),
  'GET /gateways': strictQuery(gatewaysQuerySchema),
  'GET /gateways/status-changes': strictQuery(statusChangesQuerySchema),
  'GET /gateways/failovers': strictQuery(failoversQuerySchema),
  'GET /gateways/health/history': strictQuery(probeHistoryQuerySchema),
  'GET /gateways/health/recent': strictQuery(recentProbesQuerySchema),
  'GET /alerts/deliveries': strictQuery(alertDeliveriesQuerySchema),
  'GET /incidents': strictQuery(incidentsQuerySchema),
  'GET /sessions': strictQuery(sessionsQuerySchema),
  'GET /tools': strictQuery(toolsQuerySchema),
  'GET /tools/:name': strictQuery(toolQuerySchema),
  'GET /gateways/:id/events': strictQuery(gatewayEventsQuerySchema),
  'GET /gateways/:id/auth-failures': strictQuery(authFailuresQuerySchema),
  'GET /usage': strictQuery(usageQuerySchema),
  // A valid id would open a stream that does not end: only ids that are not event ids.
  'GET /events': {
    keys: ['last_event_id'],
    refused: hostileString.map((id) => ({ last_event_id: `x${id}` })),
    harmless: false,
  },
}

/** Endpoints that read no body: a bad body alone is not refused there. */
export const bodyIgnored = new Set([
  'POST /auth/logout',
  'DELETE /keys/:id',
  'DELETE /alerts/channels/:id',
  'POST /alerts/channels/:id/test',
  'DELETE /alerts/rules/:id',
  'POST /incidents/:id/ack',
  'POST /incidents/:id/resolve',
  'DELETE /maintenance/:id',
  'DELETE /model-prices/:model',
])
