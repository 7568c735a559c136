// `@mc/openclaw/interop`: the real-gateway support, for interop suites of the apps (which drive
// Mission Control itself against real gateways). Their vitest config lists
// `@mc/openclaw/interop/global-setup`, which installs openclaw and provides it to `inject('openclaw')`.
import './support/global-setup.ts' // its `inject('openclaw')` type

export type { OpenclawInstallation } from './support/install.ts'
export { type RealGateway, startRealGateway } from './support/real-gateway.ts'
export { INTEROP_VERSIONS } from './support/versions.ts'
