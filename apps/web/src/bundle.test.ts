import { builtinModules } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { bullPrefix, eventLogKey, QUEUES } from '@mc/runtime'
import { build, type Rolldown } from 'vite'
import { beforeAll, describe, expect, it } from 'vitest'

const webDir = fileURLToPath(new URL('..', import.meta.url))
const repoRoot = path.resolve(webDir, '../..')

/** Workspace code the browser may load: the app itself and the wire contract with its client. */
const BROWSER_WORKSPACE = /^(apps\/web|packages\/shared)\//
/** Libraries that only make sense on a server. */
const SERVER_LIBRARY =
  /\/node_modules\/(ioredis|bullmq|pino[^/]*|postgres|ws|drizzle-[^/]+|@node-rs\/[^/]+)\//
const NODE_BUILTIN = new RegExp(`^(node:|(${builtinModules.join('|')})(/|$))`)

/** Why a module of the bundle has no place in a browser, or undefined when it has. */
function serverOnly(id: string): string | undefined {
  // Vite stands in a browser-external module for each Node builtin a browser import reaches.
  const virtual = id.replace(/^\0/, '')
  if (virtual.startsWith('__vite-browser-external') || NODE_BUILTIN.test(virtual)) return 'a Node builtin'
  if (!path.isAbsolute(id)) return undefined // Vite's and Rolldown's own helpers
  if (SERVER_LIBRARY.test(id)) return 'a server library'
  const inRepo = path.relative(repoRoot, id)
  if (inRepo.startsWith('node_modules/') || BROWSER_WORKSPACE.test(inRepo)) return undefined
  return 'server-side workspace code'
}

let chunks: Rolldown.OutputChunk[] = []

// The production build as `npm run build` makes it, kept in memory.
beforeAll(async () => {
  const result = await build({ root: webDir, logLevel: 'silent', build: { write: false, sourcemap: false } })
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  chunks = outputs.flatMap((output) => output.output.filter((file) => file.type === 'chunk'))
}, 60_000)

describe('the browser bundle', () => {
  it('holds only the web app, the shared contract and browser libraries', () => {
    const modules = chunks.flatMap((chunk) => chunk.moduleIds)
    expect(modules.some((id) => id.includes('/packages/shared/src/'))).toBe(true)
    const misplaced = modules.flatMap((id) => {
      const why = serverOnly(id)
      const shown = path.isAbsolute(id) ? path.relative(repoRoot, id) : id.replace(/^\0/, '')
      return why ? [`${shown}: ${why}`] : []
    })
    expect(misplaced).toEqual([])
  })

  it('carries none of the servers’ Redis names', () => {
    const code = chunks.map((chunk) => chunk.code).join('\n')
    for (const name of [...Object.values(QUEUES), bullPrefix(''), eventLogKey('')]) {
      expect(code, name).not.toContain(name)
    }
  })
})
