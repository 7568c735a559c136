import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { createRequire } from 'node:module'
import { connect, createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createRedis } from '@mc/runtime'
import postgres from 'postgres'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from './free-port.ts'
import { databaseStem, redisPrefixStem } from './test-run.ts'
import { ensureTestServices, type TestServices } from './test-services.ts'

// Runs the real `npm start` entry (node --import tsx src/start.ts) against the built api, worker and web.
const START = fileURLToPath(new URL('./start.ts', import.meta.url))
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

interface Started {
  child: ChildProcess
  stdout: string[]
  stderr: string[]
  /** Ctrl-C, as a person stops it. */
  interrupt(): void
}

const running: Started[] = []

// A failed assertion must not leave a product running that would break the next test.
afterEach(async () => {
  for (const started of running.splice(0)) {
    if (started.child.exitCode === null) {
      started.interrupt()
      await exitOf(started.child)
    }
  }
})

function startEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const {
    DATABASE_URL: _db,
    REDIS_URL: _redis,
    MC_SECRET_KEY: _key,
    LOG_FORMAT: _format,
    ...inherited
  } = process.env
  return { ...inherited, LOG_LEVEL: 'warn', ...env }
}

function track(child: ChildProcess, interrupt: () => void): Started {
  const started: Started = { child, stdout: [], stderr: [], interrupt }
  running.push(started)
  child.stdout?.on('data', (chunk) => started.stdout.push(String(chunk)))
  child.stderr?.on('data', (chunk) => started.stderr.push(String(chunk)))
  return started
}

/** `npm start` with its output piped, as under a process manager or in CI. */
function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, START], { env: startEnv(env) })
  return track(child, () => child.kill('SIGINT'))
}

const shellQuote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`

/**
 * `npm start` in a terminal: util-linux `script` gives it a pseudo-terminal, whose output (stdout
 * and stderr together) arrives as `stdout`; Ctrl-C goes through the terminal as a keypress would.
 */
function startInTerminal(env: Record<string, string>): Started {
  const command = ['exec', ...[process.execPath, '--import', TSX_LOADER, START].map(shellQuote)].join(' ')
  const child = spawn('script', ['--quiet', '--flush', '--return', '--command', command, '/dev/null'], {
    env: startEnv(env),
  })
  return track(child, () => child.stdin?.write('\x03'))
}

async function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode
  const [code] = await once(child, 'exit')
  return code as number | null
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => resolve(socket.destroy() !== undefined))
    socket.once('error', () => resolve(false))
  })
}

interface Health {
  checks: { db: { ok: boolean }; redis: { ok: boolean } }
}

/** Polls /api/health until 200; fails at once with start's stderr if it exits first. */
async function waitUntilHealthy(started: Started, port: number): Promise<Health> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`npm start exited: ${started.stderr.join('')}`)
    const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined)
    if (res?.status === 200) return (await res.json()) as Health
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`not healthy within 60 s: ${started.stderr.join('')}`)
}

/** Ctrl-C, and the whole tree must be gone within the 10 s the README promises. */
async function interrupt(started: Started): Promise<number | null> {
  started.interrupt()
  const deadline = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 10_000).unref())
  const outcome = await Promise.race([exitOf(started.child), deadline])
  if (outcome === 'late') started.child.kill('SIGKILL')
  expect(outcome, 'npm start took over 10 s to stop').not.toBe('late')
  return outcome as number | null
}

describe('npm start', () => {
  let dataDir: string
  const ports = { api: 0, pg: 0, redis: 0 }
  const env = () => ({
    MC_DATA_DIR: dataDir,
    PORT: String(ports.api),
    MC_EMBEDDED_PG_PORT: String(ports.pg),
    MC_LOCAL_REDIS_PORT: String(ports.redis),
  })

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'mc-start-'))
    // Running as root, Postgres runs as the `postgres` user, who must be able to enter it.
    await chmod(dataDir, 0o755)
    ports.api = await freePort()
    ports.pg = await freePort()
    ports.redis = await freePort()
  })
  afterAll(() => rm(dataDir, { recursive: true, force: true }))

  it('runs the whole product on embedded Postgres, stops every child on Ctrl-C, and keeps data for the next start', async () => {
    const first = start(env())
    expect(await waitUntilHealthy(first, ports.api)).toMatchObject({
      checks: { db: { ok: true }, redis: { ok: true } },
    })
    const page = await fetch(`http://127.0.0.1:${ports.api}/`)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(await page.text()).toContain('<div id="root">')
    await expect
      .poll(() => first.stdout.join(''), { timeout: 5000 })
      .toContain(`Mission Control is running at http://localhost:${ports.api}`)

    const dbUrl = `postgres://postgres:postgres@127.0.0.1:${ports.pg}/mission_control`
    const sql = postgres(dbUrl, { max: 1, onnotice: () => {} })
    await sql`insert into audit_log (actor, action) values ('start-test', 'marker')`
    await sql.end()

    expect(first.stdout.join('')).toContain('generated MC_SECRET_KEY')
    const secretKey = await readFile(path.join(dataDir, 'secret.key'), 'utf8')
    expect(Buffer.from(secretKey.trim(), 'base64')).toHaveLength(32)

    expect(await interrupt(first)).toBe(0)
    for (const port of Object.values(ports)) expect(await listening(port)).toBe(false)

    const second = start(env())
    await waitUntilHealthy(second, ports.api)
    const again = postgres(dbUrl, { max: 1, onnotice: () => {} })
    const markers = await again`select actor from audit_log where action = 'marker'`
    await again.end()
    expect(markers.map((row) => row.actor)).toEqual(['start-test'])
    expect(await readFile(path.join(dataDir, 'secret.key'), 'utf8')).toBe(secretKey)
    expect(second.stdout.join('')).not.toContain('generated MC_SECRET_KEY')
    expect(await interrupt(second)).toBe(0)
  })

  it('stops with one clear line when DATABASE_URL points nowhere', async () => {
    const closed = await freePort()
    const run = start({ ...env(), DATABASE_URL: `postgres://mc:pw-123@127.0.0.1:${closed}/mc` })
    expect(await exitOf(run.child)).toBe(1)
    const lines = run.stderr.join('').trim().split('\n')
    expect(lines).toEqual([
      `mission-control: cannot reach Postgres at postgres://mc:***@127.0.0.1:${closed}/mc: connect ECONNREFUSED 127.0.0.1:${closed}`,
    ])
  })

  it('stops with one clear line on a bad MC_WORKERS', async () => {
    const run = start({ ...env(), MC_WORKERS: '0' })
    expect(await exitOf(run.child)).toBe(1)
    expect(run.stderr.join('').trim().split('\n')).toEqual([
      'mission-control: invalid configuration: MC_WORKERS: Too small: expected number to be >=1',
    ])
  })

  it('stops with one clear line on a malformed DATABASE_URL', async () => {
    const run = start({ ...env(), DATABASE_URL: 'mysql://db/mc' })
    expect(await exitOf(run.child)).toBe(1)
    expect(run.stderr.join('').trim().split('\n')).toEqual([
      'mission-control: invalid configuration: DATABASE_URL: must be a URL starting with postgres:// or postgresql://',
    ])
  })

  it('stops with one clear line when REDIS_URL points nowhere, and takes its embedded Postgres down', async () => {
    const closed = await freePort()
    const run = start({ ...env(), REDIS_URL: `redis://127.0.0.1:${closed}` })
    expect(await exitOf(run.child)).toBe(1)
    expect(run.stderr.join('').trim().split('\n')).toEqual([
      `mission-control: cannot reach Redis at redis://127.0.0.1:${closed}: connect ECONNREFUSED 127.0.0.1:${closed}`,
    ])
    expect(await listening(ports.pg)).toBe(false)
  })

  it('stops before starting anything, with one line naming the port and a free one, when PORT is taken', async () => {
    const blocker = createNetServer((socket) => socket.destroy())
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const untouched = await mkdtemp(path.join(tmpdir(), 'mc-start-'))
    try {
      const taken = (blocker.address() as { port: number }).port
      const run = start({ ...env(), MC_DATA_DIR: untouched, PORT: String(taken) })
      expect(await exitOf(run.child)).toBe(1)
      const [line, ...more] = run.stderr.join('').trimEnd().split('\n')
      expect(more).toEqual([])
      const suggested = Number(line?.match(/PORT=(\d+) npm start$/)?.[1])
      expect(line).toBe(
        `mission-control: port ${taken} is in use by another program; stop it, or start on another port: PORT=${suggested} npm start`,
      )
      expect(suggested).toBeGreaterThan(taken)
      // Neither Postgres nor Redis was started, nor a secret key made.
      expect(run.stdout.join('')).toBe('')
      expect(await readdir(untouched)).toEqual([])
      expect(await listening(ports.pg)).toBe(false)
      expect(await listening(ports.redis)).toBe(false)
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
      await rm(untouched, { recursive: true, force: true })
    }
  })
})

const gateways: Server[] = []
afterAll(async () => {
  await Promise.all(gateways.map((server) => new Promise((resolve) => server.close(resolve))))
})

/**
 * A gateway as a probe without a token sees one: `GET /health` answers `{"ok":true}`. Returns its
 * port on loopback.
 */
async function listenAsGateway(): Promise<number> {
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/health' ? 200 : 404, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ ok: req.url === '/health' }))
  })
  gateways.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as { port: number }).port
}

describe('npm start on given services', () => {
  const apiKey = randomBytes(24).toString('hex')
  let services: TestServices
  let databaseUrl: string
  let redisPrefix: string
  let dataDir: string

  beforeAll(async () => {
    services = await ensureTestServices()
    // Named for the run: `services.stop()` drops the database and the keys, even after a failure.
    const database = `${databaseStem(services.runId)}_start`
    redisPrefix = `${redisPrefixStem(services.runId)}-start`
    const admin = postgres(services.postgresAdminUrl, { max: 1, onnotice: () => {} })
    await admin`create database ${admin(database)}`
    await admin.end()
    const url = new URL(services.postgresAdminUrl)
    url.pathname = `/${database}`
    databaseUrl = url.toString()
    dataDir = await mkdtemp(path.join(tmpdir(), 'mc-start-'))
  })
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
    await services?.stop()
  })

  /** npm start's environment on the test's services, listening on `port`. */
  const onServices = (port: number) => ({
    DATABASE_URL: databaseUrl,
    REDIS_URL: services.redisUrl,
    REDIS_PREFIX: redisPrefix,
    MC_DATA_DIR: dataDir,
    MC_ADMIN_PASSWORD: 'start-test-admin',
    PORT: String(port),
  })

  it('stops everything, exit code 1, when the api keeps crashing right after it starts', {
    timeout: 120_000,
  }, async () => {
    const port = await freePort()
    const started = start({
      ...onServices(port),
      // A setting only the api reads, and rejects: it exits at once, every time.
      BODY_LIMIT_BYTES: '1',
    })
    expect(await exitOf(started.child)).toBe(1)
    const lines = started.stderr
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('mission-control: api'))
    expect(lines).toEqual([
      'mission-control: api exited (code 1); restarting it in 1 s',
      'mission-control: api exited (code 1); restarting it in 2 s',
      'mission-control: api exited (code 1); restarting it in 4 s',
      'mission-control: api exited (code 1); restarting it in 8 s',
      'mission-control: api exited (code 1), 5 times in a row right after starting; stopping',
    ])
    const workers = createRedis(services.redisUrl)
    // The worker was stopped with the rest, gracefully: it withdrew its liveness entry.
    expect(await workers.zcard(`${redisPrefix}:workers`)).toBe(0)
    workers.disconnect()
  })

  it('writes short human lines in a terminal, without a line per request, and stops on Ctrl-C', {
    timeout: 120_000,
  }, async () => {
    const port = await freePort()
    const started = startInTerminal({
      ...onServices(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    })
    const output = () => started.stdout.join('').replaceAll('\r', '')
    await waitUntilHealthy(started, port)
    await expect.poll(output, { timeout: 30_000 }).toMatch(/ INFO {2}worker worker started/)
    // npm start says so once its own health check passed, which can come after the test's.
    await expect.poll(output, { timeout: 30_000 }).toContain('Mission Control is running at')
    expect((await fetch(`http://127.0.0.1:${port}/api/auth/me`)).status).toBe(401)
    expect(await interrupt(started)).toBe(0)

    const lines = output().split('\n')
    expect(lines).toContainEqual(
      expect.stringMatching(/^\d\d:\d\d:\d\d INFO {2}api {4}api listening port=\d+ host=127\.0\.0\.1 /),
    )
    expect(lines).toContain(`[mission-control] Mission Control is running at http://localhost:${port}`)
    expect(lines.filter((line) => line.startsWith('{'))).toEqual([])
    expect(lines.filter((line) => / request /.test(line))).toEqual([])
  })

  it('runs MC_WORKERS workers, each with its own name and metrics port', { timeout: 120_000 }, async () => {
    const redis = createRedis(services.redisUrl)
    const port = await freePort()
    const metricsPort = await freePort()
    try {
      const started = start({
        ...onServices(port),
        MC_WORKERS: '2',
        WORKER_METRICS_PORT: String(metricsPort),
      })
      await waitUntilHealthy(started, port)
      await expect
        .poll(() => redis.zrange(`${redisPrefix}:workers`, 0, -1), { timeout: 30_000 })
        .toHaveLength(2)
      // The second takes the next port: sharing one, it could not start.
      await expect.poll(() => listening(metricsPort), { timeout: 30_000 }).toBe(true)
      await expect.poll(() => listening(metricsPort + 1), { timeout: 30_000 }).toBe(true)
      expect(started.stderr.join('')).not.toContain('mission-control: worker')
      expect(await interrupt(started)).toBe(0)
    } finally {
      redis.disconnect()
    }
  })

  it('restarts a worker that was killed, says so in one line, and probing resumes', {
    timeout: 120_000,
  }, async () => {
    const gatewayPort = await listenAsGateway()
    const redis = createRedis(services.redisUrl)
    const port = await freePort()
    try {
      const started = start({
        ...onServices(port),
        MC_API_KEY: apiKey,
        PROBE_INTERVAL_S: '5',
      })
      await waitUntilHealthy(started, port)
      // Workers report in as `<host>:<pid>`.
      const workerPids = async () =>
        (await redis.zrange(`${redisPrefix}:workers`, 0, -1)).map((id) => Number(id.split(':').at(-1)))
      await expect.poll(workerPids, { timeout: 30_000 }).toHaveLength(1)
      const [killed] = await workerPids()
      process.kill(killed ?? 0, 'SIGKILL')

      await expect
        .poll(() => started.stderr.join(''), { timeout: 10_000 })
        .toContain('mission-control: worker exited (SIGKILL); restarting it in 1 s\n')
      // Registered after the kill: only the restarted worker can probe it.
      const created = await fetch(`http://127.0.0.1:${port}/api/gateways`, {
        method: 'POST',
        headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'after the crash', host: '127.0.0.1', port: gatewayPort }),
      })
      expect(created.status).toBe(201)
      const { gateway } = (await created.json()) as { gateway: { id: number } }
      const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
      try {
        await expect
          .poll(
            async () =>
              (await sql`select status from gateway_probes where gateway_id = ${gateway.id}`).map(
                (r) => r.status,
              ),
            { timeout: 30_000 },
          )
          .toContain('online')
      } finally {
        await sql.end()
      }
      // The killed one stays listed until it counts as stale; a new process reports in beside it.
      expect((await workerPids()).filter((pid) => pid !== killed)).toHaveLength(1)
      expect(started.child.exitCode).toBeNull()
      expect(await interrupt(started)).toBe(0)
    } finally {
      redis.disconnect()
    }
  })
})
