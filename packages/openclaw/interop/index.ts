// `@mc/openclaw/interop`: the real-gateway support, for interop suites of the apps (which drive
// Mission Control itself against real gateways). Their vitest config lists
// `@mc/openclaw/interop/global-setup`, which installs openclaw and provides it to `inject('openclaw')`.
import './support/global-setup.ts' // its `inject('openclaw')` type

export { createEventLog, type EventLog } from './support/event-log.ts'
export type { OpenclawInstallation } from './support/install.ts'
export {
  type HeldAnswer,
  MOCK_MODEL_ID,
  MOCK_PROVIDER,
  type MockModel,
  mockModelConfig,
  startMockModel,
} from './support/mock-model.ts'
export {
  type CreateSessionParams,
  connectOperator,
  createSession,
  createSessions,
  OPERATOR_SCOPES_FOR_TESTS,
  sendMessage,
} from './support/operator-sessions.ts'
export { type RealGateway, type RealGatewayOptions, startRealGateway } from './support/real-gateway.ts'
export { INTEROP_VERSIONS } from './support/versions.ts'
export { whileOverloaded } from './support/while-overloaded.ts'
