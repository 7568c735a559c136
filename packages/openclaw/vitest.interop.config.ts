import { defineConfig } from 'vitest/config'

// The real-gateway suite: installs openclaw into a cache folder (first run ≈ 650 MB, ≈ 1 min), starts
// one gateway on loopback, runs against it and stops it. Not part of `npm test`.
export default defineConfig({
  test: {
    include: ['interop/**/*.interop.ts'],
    globalSetup: ['interop/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})
