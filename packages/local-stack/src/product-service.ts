import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const OUTPUT_LIMIT = 64 * 1024
const STOP_TIMEOUT_MS = 15_000

/** The built entry points tests run: the product exactly as it ships, not a dev server. */
export const productMains = {
  api: path.join(ROOT, 'apps/api/dist/main.js'),
  worker: path.join(ROOT, 'apps/worker/dist/main.js'),
}

/** A product process (api or worker) started from its build output, for tests. */
export interface Service {
  name: string
  /** Its stdout and stderr so far (the last 64 KiB), for failure reports. */
  output(): string
  /** Exit code or signal once it has exited, else null. */
  exitStatus(): string | null
  /** SIGKILL, as a crash or the OOM killer would: no chance to give anything up. Resolves once it is gone. */
  kill(): Promise<void>
  /** SIGTERM, wait for a graceful exit (SIGKILL after 15 s). Safe to call twice. */
  stop(): Promise<void>
}

/** Environment a service inherits from the test process: enough to run node, nothing app-specific. */
function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'TZ', 'LANG']) {
    if (process.env[key] !== undefined) env[key] = process.env[key]
  }
  return env
}

export function startService(name: string, script: string, env: Record<string, string>): Service {
  // The IPC channel makes the service shut itself down if this test process dies without teardown.
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: { ...baseEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let output = ''
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT)
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const exited = once(child, 'exit').then(() => undefined)

  return {
    name,
    output: () => output,
    exitStatus: () => describeExit(child),
    async kill() {
      child.kill('SIGKILL')
      await exited
    },
    async stop() {
      if (describeExit(child) !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
      await exited
      clearTimeout(timer)
      if (child.connected) child.disconnect()
    },
  }
}

function describeExit(child: ChildProcess): string | null {
  if (child.exitCode !== null) return `exit code ${child.exitCode}`
  if (child.signalCode !== null) return `signal ${child.signalCode}`
  return null
}

/** The services' output, framed, for an error message or the console. */
export function formatOutputs(services: Service[]): string {
  return services
    .map(
      (s) => `----- ${s.name} (${s.exitStatus() ?? 'running'}) -----\n${s.output().trim() || '(no output)'}`,
    )
    .join('\n')
}
