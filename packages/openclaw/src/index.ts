export { type ConnectOptions, connectGateway } from './client/connect.ts'
export type { GatewayClose, GatewayEvent, RequestOptions } from './client/frame-channel.ts'
export { GatewayClient } from './client/gateway-client.ts'
export { GatewayError, type GatewayErrorInit, type GatewayErrorKind } from './client/gateway-error.ts'
export { grantedScopes } from './client/granted-scopes.ts'
export { type GatewayTarget, healthUrl, targetUrl } from './client/target.ts'
export { type ConfigClient, readConfigHash } from './config/config-hash.ts'
export { type GatewayTokenPatch, patchGatewayToken, replaceGatewayToken } from './config/gateway-token.ts'
export { TokenPatchError, type TokenPatchErrorKind } from './config/token-patch-error.ts'
export {
  type AuthFailure,
  type AuthFailurePage,
  DEFAULT_LOG_TAIL_LIMIT,
  DEFAULT_LOG_TAIL_MAX_BYTES,
  type LogsClient,
  parseAuthFailureLine,
  tailAuthFailures,
} from './insights/auth-failures.ts'
export { summarizeEvent, type TimelineEvent } from './insights/event-timeline.ts'
export {
  auditToolCallId,
  type FinishedToolCall,
} from './insights/finished-tool-call.ts'
export {
  DEFAULT_USAGE_SESSIONS_LIMIT,
  parseUsageRow,
  readSessionsUsage,
  type SessionUsage,
  type UsageClient,
  type UsageReading,
} from './insights/sessions-usage.ts'
export {
  DEFAULT_MAX_TOOL_ACTIONS,
  listToolActionsSince,
  TOOL_ACTIONS_PAGE_SIZE,
  type ToolActionsClient,
} from './insights/tool-actions.ts'
export {
  createToolCallTracker,
  DEFAULT_MAX_OPEN_TOOL_CALLS,
  type ToolCallTracker,
} from './insights/tool-call-tracker.ts'
export { type ProbeOptions, probeGateway } from './probe/probe-gateway.ts'
export { createProbePacer, type ProbePacer, type ProbePacerOptions } from './probe/probe-pacer.ts'
export { MAX_ERROR_LENGTH, type ProbeReading, type ProbeStatus } from './probe/probe-reading.ts'
export { type ConnectParams, connectParamsSchema } from './protocol/connect-params.ts'
export { CLIENT_IDS, CLIENT_MODES, OPERATOR_SCOPES, PROTOCOL_VERSION } from './protocol/constants.ts'
export type { ErrorShape, EventFrame, RequestFrame, ResponseFrame } from './protocol/frames.ts'
export { type HelloOk, helloOkSchema } from './protocol/hello.ts'
export {
  DEFAULT_SESSIONS_PAGE_SIZE,
  type ListSessionsOptions,
  listAllSessions,
  MAX_LISTED_SESSIONS,
  type SessionsClient,
  subscribeSessions,
} from './sessions/list-sessions.ts'
export { type GatewaySessionRow, MAX_SESSION_TEXT_LENGTH, parseSessionRow } from './sessions/session-row.ts'
export { parseSessionsChanged, type SessionsChange } from './sessions/sessions-changed.ts'
