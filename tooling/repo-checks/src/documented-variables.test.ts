import { describe, expect, it } from 'vitest'
import { apiConfigSchema } from '../../../apps/api/src/config.ts'
import { workerConfigSchema } from '../../../apps/worker/src/config.ts'
import { composeVariables, envFileVariables, variableTable } from './documented-variables.ts'
import { repoFiles } from './repo-files.ts'

// Three lists must agree: what the api and worker read (their config schemas, which include
// @mc/runtime's common settings), what the docs offer (README, docs/self-hosting.md, .env.example),
// and what docker-compose.yml passes to each container. A variable set in .env that compose does not
// pass on does nothing; a documented variable nobody reads misleads.

const repo = repoFiles()
const readBy = {
  api: new Set(Object.keys(apiConfigSchema.shape)),
  worker: new Set(Object.keys(workerConfigSchema.shape)),
}
const readme = variableTable(repo.read('README.md'), 'Configuration')
const selfHosting = variableTable(repo.read('docs/self-hosting.md'), 'Environment variables')
const envExample = envFileVariables(repo.read('.env.example'))
const compose = composeVariables(repo.read('docker-compose.yml'))

/** Read by the server but deliberately not passed by compose, each for a documented reason. */
const NOT_PASSED_BY_COMPOSE: Record<string, string> = {
  WEB_DIST_DIR: 'the image serves its own build from the default place',
  WORKER_ID: 'one value would give every scaled worker the same name (the healthcheck expects the hostname)',
}

/** Documented for other programs than the api and worker: where each is read. */
const READ_ELSEWHERE: Record<string, string> = {
  MC_DATA_DIR: 'packages/local-stack/src/start.ts',
  MC_EMBEDDED_PG_PORT: 'packages/local-stack/src/start.ts',
  MC_LOCAL_REDIS_PORT: 'packages/local-stack/src/start.ts',
  MC_WORKERS: 'packages/local-stack/src/start.ts',
  TEST_DATABASE_URL: 'packages/local-stack/src/test-services.ts',
  TEST_REDIS_URL: 'packages/local-stack/src/test-services.ts',
  CHROMIUM_PATH: 'apps/web/e2e',
  POSTGRES_PASSWORD: 'docker-compose.yml',
  POSTGRES_USER: 'docker-compose.yml',
  POSTGRES_DB: 'docker-compose.yml',
  MC_IMAGE: 'docker-compose.yml',
  HEARTBEAT_STRESS_SECONDS: 'apps/api/src/ingest/heartbeat-stress.test.ts',
}

const sorted = (names: Iterable<string>) => [...names].sort()
const missing = (wanted: Iterable<string>, have: ReadonlySet<string>) =>
  sorted([...wanted].filter((name) => !have.has(name)))

describe.each(['api', 'worker'] as const)('every variable the %s reads', (process) => {
  it('is in the README table and the docs/self-hosting.md table, marked as used by it', () => {
    for (const table of [readme, selfHosting]) {
      const documented = new Set([...table].filter(([, users]) => users.has(process)).map(([name]) => name))
      expect(missing(readBy[process], documented)).toEqual([])
      expect(missing(documented, readBy[process])).toEqual([])
    }
  })

  it('is offered in .env.example', () => {
    expect(missing(readBy[process], envExample)).toEqual([])
  })

  it(`reaches the ${process} container through docker-compose.yml`, () => {
    const passed = compose.environment.get(process) ?? new Set()
    const expected = [...readBy[process]].filter((name) => !(name in NOT_PASSED_BY_COMPOSE))
    expect(missing(expected, passed)).toEqual([])
  })
})

describe('docker-compose.yml', () => {
  it('passes the app containers only variables the api or worker reads', () => {
    for (const service of ['migrate', 'api', 'worker']) {
      const passed = compose.environment.get(service) ?? new Set<string>()
      expect(passed.size).toBeGreaterThan(0)
      expect(missing(passed, new Set([...readBy.api, ...readBy.worker]))).toEqual([])
    }
  })

  it('reads from .env only variables that .env.example documents', () => {
    expect(missing(compose.interpolated, envExample)).toEqual([])
  })
})

describe('the documented variables', () => {
  it('are the same in .env.example and the docs/self-hosting.md table', () => {
    expect(sorted(envExample)).toEqual(sorted(selfHosting.keys()))
  })

  it('are each read by the api, the worker, or the program the docs name', () => {
    const server = new Set([...readBy.api, ...readBy.worker])
    for (const name of new Set([...readme.keys(), ...selfHosting.keys(), ...envExample])) {
      if (server.has(name)) continue
      const where = READ_ELSEWHERE[name]
      expect(where, `${name} is documented but nothing reads it`).toBeDefined()
      const sources = [...repo.files].filter(
        (file) => (file === where || file.startsWith(`${where}/`)) && !file.endsWith('.md'),
      )
      expect(
        sources.some((file) => repo.read(file).includes(name)),
        `${name}: not found in ${where}`,
      ).toBe(true)
    }
  })

  it('leave out on purpose only variables that exist', () => {
    for (const name of Object.keys(NOT_PASSED_BY_COMPOSE)) {
      expect(readBy.api.has(name) || readBy.worker.has(name), name).toBe(true)
    }
  })
})
