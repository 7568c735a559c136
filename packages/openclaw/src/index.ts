export { type ConnectOptions, connectGateway } from './client/connect.ts'
export type { GatewayClose, GatewayEvent, RequestOptions } from './client/frame-channel.ts'
export { GatewayClient } from './client/gateway-client.ts'
export { GatewayError, type GatewayErrorInit, type GatewayErrorKind } from './client/gateway-error.ts'
export { type GatewayTarget, healthUrl, targetUrl } from './client/target.ts'
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
