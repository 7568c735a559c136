#!/usr/bin/env node
// The `mc-agent` that npm links into node_modules/.bin. It is committed, unlike dist/, because npm
// links no bin whose file is missing, and `npm ci` runs before anything is built. It runs the bundle
// that `npm run build` (and so `npm start`) makes, or the TypeScript source through tsx until then.
import { existsSync } from 'node:fs'

const bundle = new URL('../dist/mc-agent.js', import.meta.url)
if (existsSync(bundle)) {
  await import(bundle.href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import(new URL('../src/mc-agent.ts', import.meta.url).href)
}
