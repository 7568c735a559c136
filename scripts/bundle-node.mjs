#!/usr/bin/env node
// Bundles a Node app's entry points into dist/ as ESM. Workspace packages (@mc/*) ship TypeScript
// sources, so they are bundled; every other package stays external and is loaded from node_modules
// at run time, as long as Node can resolve it from the app (otherwise it is bundled too).
import { createRequire } from 'node:module'
import path from 'node:path'
import { build } from 'esbuild'

const entryPoints = process.argv.slice(2)
if (entryPoints.length === 0) {
  console.error('usage: bundle-node.mjs <entry.ts> [...]')
  process.exit(2)
}
const appDir = process.cwd()
const requireFromApp = createRequire(path.join(appDir, 'package.json'))

function packageName(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

const externalsResolvableFromApp = {
  name: 'externals-resolvable-from-app',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true }
      const name = packageName(args.path)
      if (name.startsWith('@mc/')) return undefined
      try {
        requireFromApp.resolve(`${name}/package.json`)
        return { path: args.path, external: true }
      } catch {
        try {
          requireFromApp.resolve(args.path)
          return { path: args.path, external: true }
        } catch {
          return undefined
        }
      }
    })
  },
}

await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [externalsResolvableFromApp],
})
