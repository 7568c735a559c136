import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { PATIENCE_MS } from './patience.ts'

/** The vitest settings every server-side package uses: real Postgres and Redis, one DB per file. */
export const serverTestConfig = defineConfig({
  test: {
    globalSetup: [fileURLToPath(new URL('./global-setup.ts', import.meta.url))],
    include: ['src/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits for an event, as `eventually` does.
    expect: { poll: { timeout: PATIENCE_MS, interval: 50 } },
  },
})
