import { defineConfig } from 'vitest/config'

/** Unit tests of the app's pure logic (`src/**\/*.test.ts`); the browser suite is vitest.e2e.config.ts. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})
