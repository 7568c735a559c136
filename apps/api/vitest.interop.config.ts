import { createRequire } from 'node:module'
import { serverTestConfig } from '@mc/testing/vitest-config'
import { defineConfig } from 'vitest/config'

const require = createRequire(import.meta.url)

// Mission Control against real OpenClaw gateways (`npm run test:interop`): the server test settings
// (real Postgres and Redis), plus the openclaw package's global setup, which installs openclaw into
// its cache folder and provides it to `inject('openclaw')`. Not part of `npm test`.
export default defineConfig({
  test: {
    ...serverTestConfig.test,
    include: ['interop/**/*.interop.ts'],
    globalSetup: [
      ...[serverTestConfig.test?.globalSetup ?? []].flat(),
      require.resolve('@mc/openclaw/interop/global-setup'),
    ],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
})
