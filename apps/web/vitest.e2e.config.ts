import { PATIENCE_MS } from '@mc/testing/patience'
import { defineConfig } from 'vitest/config'

/**
 * End-to-end: real Chromium against the built api + worker on real Postgres and Redis. Each spec
 * file starts its own stack; files run one at a time to keep the machine's load predictable.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['@mc/testing/global-setup'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: PATIENCE_MS, interval: 50 } },
  },
})
