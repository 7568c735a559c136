import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeSync, openSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import http from 'node:http'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { errorMessage } from '@mc/shared'
import type { GatewayTarget } from '../../src/client/target.ts'
import { isRecord } from '../../src/protocol/is-record.ts'
import { closedPort } from '../../src/testing/free-port.ts'
import type { OpenclawInstallation } from './install.ts'

export interface RealGateway {
  port: number
  token: string
  target(overrides?: Partial<GatewayTarget>): GatewayTarget
  /** Seconds from spawn to `GET /readyz` 200. */
  startSeconds: number
  /**
   * Runs a shell command as the gateway's owner would on its host: `openclaw` on the PATH, the
   * gateway's own config and state. E.g. `openclaw config set gateway.auth.token '…'`.
   */
  ownerShell(command: string): Promise<{ stdout: string; stderr: string }>
  /** SIGTERM, wait for the exit (SIGKILL after 20 s), remove the state folder. */
  stop(): Promise<void>
}

export interface RealGatewayOptions {
  /** Merged over the offline defaults, object by object (e.g. `mockModelConfig(mock)`). */
  config?: GatewayConfig
}

type GatewayConfig = Record<string, unknown>

const run = promisify(execFile)
const READY_TIMEOUT_MS = 120_000
// A run whose test process was killed leaves its state folder (≈ 40 MB) behind; reap old ones.
const STALE_RUN_MS = 60 * 60 * 1000
const STOP_TIMEOUT_MS = 20_000
const watchdog = join(dirname(fileURLToPath(import.meta.url)), 'gateway-watchdog.ts')

/** One real gateway on a free loopback port, with its own state folder, config and environment. */
export async function startRealGateway(
  installation: OpenclawInstallation,
  options: RealGatewayOptions = {},
): Promise<RealGateway> {
  const port = await closedPort()
  const token = randomBytes(24).toString('base64url')
  await removeStaleRuns(installation.folder)
  const root = await mkdtemp(join(installation.folder, 'run-'))
  const paths = {
    home: join(root, 'home'),
    state: join(root, 'state'),
    tmp: join(root, 'tmp'),
    config: join(root, 'openclaw.json'),
    log: join(root, 'gateway.log'),
    bin: join(root, 'bin'),
  }
  await Promise.all(
    [paths.home, paths.state, paths.tmp, paths.bin].map((path) => mkdir(path, { recursive: true })),
  )
  await writeFile(
    join(paths.bin, 'openclaw'),
    `#!/bin/sh\nexec '${installation.node}' '${installation.openclaw}' "$@"\n`,
    { mode: 0o755 },
  )
  const config = mergeConfig(gatewayConfig(port, token), options.config ?? {})
  await writeFile(paths.config, JSON.stringify(config, null, 2))

  const log = openSync(paths.log, 'a')
  const started = performance.now()
  const child = spawn(
    installation.node,
    [
      watchdog,
      installation.node,
      installation.openclaw,
      'gateway',
      'run',
      '--port',
      String(port),
      '--bind',
      'loopback',
    ],
    { cwd: root, env: gatewayEnv(installation, paths), stdio: ['pipe', log, log], detached: true },
  )
  closeSync(log)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const stop = async () => {
    await stopProcess(child, exited)
    await rm(root, { recursive: true, force: true })
  }
  try {
    await waitUntilReady(port, exited)
  } catch (error) {
    const tail = (await readFile(paths.log, 'utf8').catch(() => '')).slice(-3000)
    await stop()
    throw new Error(`${errorMessage(error)}\n--- gateway log ---\n${tail}`)
  }
  return {
    port,
    token,
    startSeconds: Math.round((performance.now() - started) / 100) / 10,
    target: (overrides = {}) => ({ host: '127.0.0.1', port, token, ...overrides }),
    ownerShell: (command) =>
      run('/bin/sh', ['-c', command], { cwd: root, env: gatewayEnv(installation, paths), timeout: 120_000 }),
    stop,
  }
}

// The keys gateway-protocol.md lists to keep the gateway offline and local.
function gatewayConfig(port: number, token: string) {
  return {
    gateway: {
      mode: 'local',
      port,
      bind: 'loopback',
      auth: { mode: 'token', token },
      tailscale: { mode: 'off' },
    },
    update: { checkOnStart: false },
    telemetry: { enabled: false },
    discovery: { mdns: { mode: 'off' } },
    models: { catalogRefresh: { enabled: false } },
    browser: { enabled: false },
    cron: { enabled: false },
    agents: { defaults: { heartbeat: { every: '0m' } } },
  }
}

function mergeConfig(base: GatewayConfig, extra: GatewayConfig): GatewayConfig {
  const merged = { ...base }
  for (const [key, value] of Object.entries(extra)) {
    const known = merged[key]
    merged[key] = isRecord(known) && isRecord(value) ? mergeConfig(known, value) : value
  }
  return merged
}

function gatewayEnv(installation: OpenclawInstallation, paths: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: `${paths.bin}:${dirname(installation.node)}:/usr/local/bin:/usr/bin:/bin`,
    HOME: paths.home,
    OPENCLAW_HOME: paths.home,
    OPENCLAW_STATE_DIR: paths.state,
    OPENCLAW_CONFIG_PATH: paths.config,
    TMPDIR: paths.tmp,
    OPENCLAW_DISABLE_BONJOUR: '1',
    OPENCLAW_SKIP_CHANNELS: '1',
    OPENCLAW_SKIP_CRON: '1',
    OPENCLAW_NO_AUTO_UPDATE: '1',
    OPENCLAW_NO_RESPAWN: '1',
    OPENCLAW_OFFLINE: '1',
    DO_NOT_TRACK: '1',
  }
}

async function removeStaleRuns(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true })
  for (const name of await readdir(folder)) {
    if (!name.startsWith('run-')) continue
    const path = join(folder, name)
    const { mtimeMs } = await stat(path)
    if (Date.now() - mtimeMs > STALE_RUN_MS) await rm(path, { recursive: true, force: true })
  }
}

async function waitUntilReady(port: number, exited: Promise<void>): Promise<void> {
  let gone = false
  void exited.then(() => {
    gone = true
  })
  const deadline = performance.now() + READY_TIMEOUT_MS
  while (performance.now() < deadline) {
    if (gone) throw new Error('the gateway exited before it was ready')
    if ((await readyStatus(port)) === 200) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`the gateway was not ready within ${READY_TIMEOUT_MS / 1000} s`)
}

function readyStatus(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: '/readyz', agent: false, timeout: 2000 },
      (response) => {
        response.resume()
        resolve(response.statusCode ?? null)
      },
    )
    request.on('timeout', () => request.destroy())
    request.on('error', () => resolve(null))
  })
}

async function stopProcess(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS)
  })
  const late = await Promise.race([exited.then(() => false), timedOut])
  clearTimeout(timer)
  // The watchdog is a process group leader: this also takes the gateway and its helpers down.
  if (late && child.pid) process.kill(-child.pid, 'SIGKILL')
  child.stdin?.destroy()
}
