import { defineConfig } from 'vitest/config'

// `npm run test:readme`: the README's commands on a fresh clone (readme-on-a-fresh-clone.e2e.ts).
// Minutes long, so not part of `npm test`; CI runs it after `npm test`.
export default defineConfig({
  test: {
    include: ['src/**/*.e2e.ts'],
    fileParallelism: false,
  },
})
