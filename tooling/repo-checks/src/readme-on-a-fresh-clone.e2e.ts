// `npm run test:readme`: the README's commands, as a newcomer runs them, on a fresh clone of this
// checkout's HEAD (uncommitted changes are not in it: commit first). Takes minutes: `npm ci` from
// the registry, a first build, a first embedded Postgres, `npm run bench`. Which command runs where,
// and what the suite replaces in it, is the table in readme-command-table.ts.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { variableTable } from './documented-variables.ts'
import { type FreshClone, freshClone, processesIn } from './fresh-clone/clone.ts'
import { type Credential, missionControlApi } from './fresh-clone/mission-control-api.ts'
import { isListening, portOr } from './fresh-clone/ports.ts'
import { readerEnvironment } from './fresh-clone/reader-environment.ts'
import { type PortSwap, type ReadmeLine, readmeLines } from './fresh-clone/readme-lines.ts'
import { runShell, type ShellRun } from './fresh-clone/shell.ts'
import { README_COMMANDS } from './readme-command-table.ts'
import { REPO_ROOT } from './repo-files.ts'

const MINUTE = 60_000

let clone: FreshClone
let env: NodeJS.ProcessEnv
let lines: ReturnType<typeof readmeLines>
const ports = { api: 3000, postgres: 54329, redis: 63799 }
const running: ShellRun[] = []
let api: ReturnType<typeof missionControlApi>

/** Runs a README line in a bash in the clone and logs it (as shown), with how long it took. */
function shell({ line, shown }: ReadmeLine, extraEnv: NodeJS.ProcessEnv = {}): ShellRun {
  const started = Date.now()
  const run = runShell(line, { cwd: clone.dir, env: { ...env, ...extraEnv }, shown })
  running.push(run)
  void run.exited.then((code) => {
    console.log(`$ ${shown}\n  → exit ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`)
  })
  return run
}

async function runToExit(line: ReadmeLine, extraEnv: NodeJS.ProcessEnv = {}) {
  const run = shell(line, extraEnv)
  const code = await run.exited
  return { code, output: run.output() }
}

/** Polls `check` every 250 ms until it returns something, failing at once if `run` exits first. */
async function whileRunning<T>(run: ShellRun, what: string, check: () => Promise<T | undefined>): Promise<T> {
  let exited = false
  void run.exited.then(() => {
    exited = true
  })
  for (;;) {
    const found = await check().catch(() => undefined)
    if (found !== undefined) return found
    if (exited) throw new Error(`\`${run.shown}\` exited before ${what}:\n${run.output().slice(-4000)}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/**
 * Ctrl-C, and a clean stop: within `graceMs` every process that writes to the terminal has ended
 * (SIGKILL after that, and a failed expectation), nothing of the clone runs any more, and nothing
 * after the Ctrl-C reads as a failure. The exit status says little: npm ends itself with the SIGINT
 * it got (a terminal shows status 130) whatever status the script it ran exited with.
 */
async function ctrlC(run: ShellRun, graceMs = 20_000) {
  const before = run.output().length
  run.interrupt()
  const late = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMs).unref())
  const outcome = await Promise.race([run.exited, late])
  if (outcome === 'late') run.kill()
  expect(outcome, `\`${run.shown}\` still ran ${graceMs / 1000} s after Ctrl-C`).not.toBe('late')
  expect([0, 'SIGINT']).toContain(outcome)
  const after = run.output().slice(before)
  // npm's own failure lines, a stack trace, or `npm start`'s one-line errors.
  expect(after).not.toMatch(/^npm error|^\s+at |^mission-control: /m)
  expect(await processesIn(clone.dir), 'processes of the clone left running').toEqual([])
  for (const port of Object.values(ports)) expect(await isListening(port), `port ${port}`).toBe(false)
}

/** The one line a step has. */
function only(line: ReadmeLine | undefined): ReadmeLine {
  if (!line) throw new Error('the step has no README line')
  return line
}

const gitStatus = () => execFileSync('git', ['status', '--porcelain'], { cwd: clone.dir, encoding: 'utf8' })

beforeAll(async () => {
  clone = await freshClone(REPO_ROOT)
  const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' })
  console.log(
    `fresh clone of ${clone.commit} in ${clone.dir}` +
      (dirty ? '\nnote: this checkout has uncommitted changes, which the clone does not have' : ''),
  )
  const readme = await readFile(path.join(clone.dir, 'README.md'), 'utf8')
  const settings = [...variableTable(readme, 'Configuration')]
    .filter(([, usedBy]) => ['api', 'worker', 'start'].some((process) => usedBy.has(process)))
    .map(([name]) => name)
  // `codex` in the mc-agent line is the reader's own tool: a stand-in that says it ran.
  const bin = path.join(path.dirname(clone.dir), 'bin')
  await mkdir(bin)
  await writeFile(path.join(bin, 'codex'), '#!/bin/sh\necho "codex stand-in ran"\n', { mode: 0o755 })
  env = readerEnvironment(settings, bin)

  // A default port this machine already uses is replaced by a free one (on CI none is taken).
  ports.api = await portOr(3000)
  ports.postgres = await portOr(54329)
  ports.redis = await portOr(63799)
  const swaps: PortSwap[] = []
  if (ports.api !== 3000) {
    env.PORT = String(ports.api)
    swaps.push({ shown: 'localhost:3000', used: `localhost:${ports.api}` })
  }
  if (ports.postgres !== 54329) {
    env.MC_EMBEDDED_PG_PORT = String(ports.postgres)
    swaps.push({ shown: '127.0.0.1:54329', used: `127.0.0.1:${ports.postgres}` })
  }
  if (ports.redis !== 63799) env.MC_LOCAL_REDIS_PORT = String(ports.redis)
  for (const [name, value] of Object.entries(env)) {
    if (['PORT', 'MC_EMBEDDED_PG_PORT', 'MC_LOCAL_REDIS_PORT'].includes(name)) {
      console.log(`note: default port taken on this machine, running with ${name}=${value}`)
    }
  }
  lines = readmeLines(readme, swaps)
  api = missionControlApi(`http://127.0.0.1:${ports.api}`)
}, 2 * MINUTE)

afterAll(async () => {
  for (const run of running) {
    if (run.child.exitCode === null && run.child.signalCode === null) {
      run.interrupt()
      await Promise.race([run.exited, new Promise((resolve) => setTimeout(resolve, 20_000).unref())])
      run.kill()
    }
  }
  await clone?.remove()
}, MINUTE)

describe.sequential("the README's commands on a fresh clone", () => {
  let start: ShellRun
  let adminPassword: string
  let adminSession: Credential
  let operatorKey: string
  let adminKey: string

  it(
    'npm ci && npm start: the product comes up, with a first admin and its password',
    async () => {
      const [line] = lines.of('start')
      start = shell(only(line))
      await whileRunning(start, '/api/health answered 200', async () =>
        (await fetch(`http://127.0.0.1:${ports.api}/api/health`)).status === 200 ? true : undefined,
      )
      await whileRunning(start, 'saying where it runs', async () =>
        start.output().includes(`Mission Control is running at http://localhost:${ports.api}`)
          ? true
          : undefined,
      )
      const created = /Created the first admin account "admin" with password (\S+) /.exec(start.output())
      expect(created, 'the first start prints the admin password').not.toBeNull()
      adminPassword = created?.[1] ?? ''
      const signedIn = await api.signIn('admin', adminPassword)
      expect(signedIn.status).toBe(200)
      adminSession = { cookie: signedIn.cookie ?? '' }
      operatorKey = await api.createKey(adminSession, 'readme operator', 'operator')
      adminKey = await api.createKey(adminSession, 'readme admin', 'admin')
    },
    8 * MINUTE,
  )

  let events: ShellRun
  it(
    'curl: the event stream opens',
    async () => {
      const [line] = lines.of('event stream', { KEY: operatorKey })
      events = shell(only(line))
      await whileRunning(events, 'the stream opened', async () =>
        events.output().includes('event: ready') ? true : undefined,
      )
    },
    MINUTE,
  )

  /** The mc-agent lines in one shell; the connections of codex-session-01 afterwards. */
  async function runAgent() {
    const agentLines = lines.of('mc-agent', { '…': operatorKey })
    const { code, output } = await runToExit({
      line: agentLines.map((line) => line.line).join('\n'),
      shown: agentLines.map((line) => line.shown).join('\n'),
    })
    expect(output).toContain('codex stand-in ran')
    expect(code, output).toBe(0)
    const answer = await api.call('GET', '/api/connect?agent=codex-session-01', { key: operatorKey })
    expect(answer.status).toBe(200)
    return (answer.body as { connections: Array<{ tool_name: string; status: string }> }).connections
  }

  it(
    'mc-agent: registers codex-session-01 while the command runs, disconnects when it ends',
    async () => {
      const connections = await runAgent()
      expect(connections).toEqual([expect.objectContaining({ tool_name: 'codex', status: 'disconnected' })])
      // The dashboard saw it live.
      await whileRunning(events, 'the stream showed the connection', async () =>
        /event: connection\.connected[\s\S]*event: connection\.disconnected/.test(events.output())
          ? true
          : undefined,
      )
    },
    2 * MINUTE,
  )

  it(
    'mc-agent: works the same right after `npm ci`, before anything is built',
    async () => {
      const dist = path.join(clone.dir, 'packages/agent-cli/dist')
      await rename(dist, `${dist}.hidden`)
      try {
        const connections = await runAgent()
        expect(connections.map((connection) => connection.status)).toEqual(['disconnected', 'disconnected'])
      } finally {
        await rename(`${dist}.hidden`, dist)
      }
    },
    2 * MINUTE,
  )

  it('curl: the event stream stays open until stopped', async () => {
    expect(events.child.exitCode).toBeNull()
    events.interrupt()
    await events.exited
  })

  it(
    'reset-password: a new password works, the old one and every sign-in end',
    async () => {
      const [line] = lines.of('reset password')
      const { code, output } = await runToExit(only(line))
      expect(code, output).toBe(0)
      const reset = /Password of "admin" \(admin\) reset to: (\S+)/.exec(output)
      expect(reset, output).not.toBeNull()
      expect((await api.signIn('admin', reset?.[1] ?? '')).status).toBe(200)
      expect((await api.signIn('admin', adminPassword)).status).toBe(401)
      expect((await api.call('GET', '/api/auth/me', adminSession)).status).toBe(401)
    },
    2 * MINUTE,
  )

  it(
    'openssl rand + reencrypt-tokens: gateway tokens move to a new MC_SECRET_KEY and back',
    async () => {
      const created = await api.call(
        'POST',
        '/api/gateways',
        { key: adminKey },
        {
          name: 'token holder',
          host: '127.0.0.1',
          port: 9,
          token: 'a-gateway-token',
        },
      )
      expect(created.status).toBe(201)
      const [newKeyLine, reencryptLine] = lines.of('rotate secret key')
      expect(newKeyLine?.line).toMatch(/^openssl /)
      const generated = await runToExit(only(newKeyLine))
      expect(generated.code).toBe(0)
      const newKey = generated.output.trim()
      expect(Buffer.from(newKey, 'base64')).toHaveLength(32)
      const oldKey = (await readFile(path.join(clone.dir, '.data/secret.key'), 'utf8')).trim()
      const databaseUrl = `postgres://postgres:postgres@127.0.0.1:${ports.postgres}/mission_control`
      const rotations = [
        { MC_SECRET_KEY_OLD: oldKey, MC_SECRET_KEY: newKey },
        // Back, so the running api and worker (which hold the old key) can still read the token.
        { MC_SECRET_KEY_OLD: newKey, MC_SECRET_KEY: oldKey },
      ]
      for (const keys of rotations) {
        const { code, output } = await runToExit(only(reencryptLine), { ...keys, DATABASE_URL: databaseUrl })
        expect(code, output).toBe(0)
        expect(output).toContain('re-encrypted 1 gateway token(s)')
      }
    },
    3 * MINUTE,
  )

  it(
    'build, lint, format and db:generate pass and leave the clone unchanged',
    async () => {
      for (const line of lines.of('repository scripts')) {
        const { code, output } = await runToExit(line)
        expect(code, `${line.shown}:\n${output.slice(-4000)}`).toBe(0)
        expect(gitStatus(), `${line.shown} changed the clone`).toBe('')
      }
    },
    3 * MINUTE,
  )

  it(
    'Ctrl-C stops npm start cleanly, and everything it started',
    async () => {
      await ctrlC(start)
    },
    MINUTE,
  )

  it(
    'npm run dev: the Vite dev server forwards /api to the api; Ctrl-C stops it all',
    async () => {
      const [line] = lines.of('dev')
      const dev = shell(only(line))
      const vite = await whileRunning(
        dev,
        'Vite said where it listens',
        async () =>
          // biome-ignore lint/suspicious/noControlCharactersInRegex: Vite colours its output
          /Local:\s+(http:\/\/\S+?)\/?\s/.exec(dev.output().replace(/\u001b\[[0-9;]*m/g, ''))?.[1],
      )
      await whileRunning(dev, `${vite}/api/health answered 200`, async () =>
        (await fetch(`${vite}/api/health`)).status === 200 ? true : undefined,
      )
      await ctrlC(dev)
    },
    5 * MINUTE,
  )

  it(
    'BENCH_SMOKE=1 npm run bench: every benchmark runs and prints its table',
    async () => {
      const [line] = lines.of('bench')
      const { code, output } = await runToExit(only(line))
      expect(code, output.slice(-4000)).toBe(0)
      // Each bench file prints one table: every file in a workspace's bench/ folder, bar its runner.
      const benchmarks = ['apps', 'packages']
        .flatMap((group) =>
          readdirSync(path.join(clone.dir, group)).map((workspace) =>
            path.join(clone.dir, group, workspace, 'bench'),
          ),
        )
        .filter((folder) => existsSync(folder))
        .flatMap((folder) => readdirSync(folder))
        .filter((file) => file.endsWith('.ts') && file !== 'run-all.ts').length
      expect(benchmarks).toBeGreaterThan(0)
      expect(output.match(/│ measure\s/g)).toHaveLength(benchmarks)
    },
    8 * MINUTE,
  )

  const compose = spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0
  if (!compose)
    console.warn('skipped: `docker compose version` fails here, so docker-compose.yml is not checked')
  it.skipIf(!compose)(
    'docker compose config: the file `docker compose up -d` reads is valid',
    async () => {
      // The two values docs/self-hosting.md has a reader put in .env.
      const check = 'docker compose config --quiet'
      const { code, output } = await runToExit(
        { line: check, shown: check },
        {
          POSTGRES_PASSWORD: 'readme-check',
          MC_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
        },
      )
      expect(code, output).toBe(0)
    },
    MINUTE,
  )

  it('ran every command the table says it runs', () => {
    const toRun = Object.entries(README_COMMANDS)
      .filter(([, coverage]) => coverage.kind === 'run')
      .map(([command]) => command)
    expect(toRun.filter((command) => !lines.ran.has(command))).toEqual([])
  })
})
