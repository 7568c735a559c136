import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Reading and parsing every tracked Markdown file takes ≈0.3 s, and over 5 s on a 2-core machine
    // that runs the rest of `npm test` beside it.
    testTimeout: 30_000,
  },
})
