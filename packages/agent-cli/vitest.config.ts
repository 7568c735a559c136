import { defineConfig } from 'vitest/config'

/** Unit tests only: the tests against the real API live in apps/api (src/cli-agents). */
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } })
