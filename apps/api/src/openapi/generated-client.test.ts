import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useListeningApi } from '../testing/running-api.ts'

const run = promisify(execFile)
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))
const API_KEY = `openapi-client-${randomBytes(12).toString('hex')}`

const api = useListeningApi({ MC_API_KEY: API_KEY })

/**
 * A client as a user of the API would write one: openapi-fetch typed by the `paths` that
 * openapi-typescript generated from the served document. A wrong path, parameter or body is a
 * type error, so typechecking it proves the document describes these calls.
 */
const CLIENT = `import createClient from 'openapi-fetch'
import type { paths } from './api.ts'

export async function exercise(baseUrl: string, apiKey: string, name: string) {
  const client = createClient<paths>({ baseUrl, headers: { 'x-api-key': apiKey } })
  const health = await client.GET('/api/health')
  const created = await client.POST('/api/gateways', { body: { name, host: '127.0.0.1', port: 18789 } })
  if (!created.data) throw new Error(\`POST /api/gateways failed: \${JSON.stringify(created.error)}\`)
  const id: number = created.data.gateway.id
  const fetched = await client.GET('/api/gateways/{id}', { params: { path: { id: String(id) } } })
  return {
    health: health.data?.status,
    created: created.response.status,
    fetched: fetched.data?.gateway.name,
    missing: (await client.GET('/api/gateways/{id}', { params: { path: { id: '999999' } } })).error?.error,
  }
}
`

/** Calls the generated types must refuse: if any were accepted, `@ts-expect-error` fails the check. */
const MISUSE = `import createClient from 'openapi-fetch'
import type { paths } from './api.ts'

const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:1' })
// @ts-expect-error: no such path
void client.GET('/api/no-such-thing')
// @ts-expect-error: the id is a path parameter that must be given
void client.GET('/api/gateways/{id}', {})
// @ts-expect-error: a gateway needs a name
void client.POST('/api/gateways', { body: { host: 'example.com' } })
`

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2023',
    lib: ['ES2023', 'DOM'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    allowImportingTsExtensions: true,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  include: ['*.ts'],
}

let dir: string

beforeAll(async () => {
  const document = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as OpenAPI3
  // Inside the repository (`.cache/` is ignored by git), so the files resolve openapi-fetch.
  const cache = path.join(repoRoot, 'apps/api/.cache')
  await mkdir(cache, { recursive: true })
  dir = await mkdtemp(path.join(cache, 'openapi-client-'))
  await writeFile(path.join(dir, 'api.ts'), astToString(await openapiTS(document)))
  await writeFile(path.join(dir, 'client.ts'), CLIENT)
  await writeFile(path.join(dir, 'misuse.ts'), MISUSE)
  await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG))
})

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('a client generated from the OpenAPI document', () => {
  it('typechecks, and refuses calls the document does not allow', async () => {
    const tsc = path.join(repoRoot, 'node_modules/.bin/tsc')
    const result = await run(tsc, ['-p', path.join(dir, 'tsconfig.json')], { cwd: repoRoot }).catch(
      (error: { stdout: string; stderr: string }) => error,
    )
    expect(`${result.stdout}${result.stderr}`).toBe('')
  })

  it('calls the API successfully', async () => {
    const client = (await import(/* @vite-ignore */ path.join(dir, 'client.ts'))) as {
      exercise(baseUrl: string, apiKey: string, name: string): Promise<Record<string, unknown>>
    }
    const name = `generated-${randomBytes(4).toString('hex')}`
    expect(await client.exercise(api.url, API_KEY, name)).toEqual({
      health: expect.stringMatching(/^(ok|degraded)$/),
      created: 201,
      fetched: name,
      missing: 'no gateway with id 999999',
    })
  })
})
