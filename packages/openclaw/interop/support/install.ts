import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { INTEROP_VERSIONS } from './versions.ts'

export interface OpenclawInstallation {
  folder: string
  /** The Node 24 binary openclaw runs on. */
  node: string
  /** `node_modules/openclaw/openclaw.mjs`. */
  openclaw: string
  /** The published JSON schema of every gateway method. */
  protocolSchema: string
  /** Seconds the install took, or null when it was already cached. */
  installSeconds: number | null
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')

/** `<repo>/.cache/openclaw-interop`, or OPENCLAW_INTEROP_CACHE. */
export function cacheFolder(): string {
  return process.env.OPENCLAW_INTEROP_CACHE ?? join(repoRoot, '.cache', 'openclaw-interop')
}

/** Installs Node 24 and openclaw into the cache folder unless that exact install is already there. */
export async function ensureOpenclaw(folder = cacheFolder()): Promise<OpenclawInstallation> {
  const installation = {
    folder,
    node: join(folder, 'node_modules', 'node', 'bin', 'node'),
    openclaw: join(folder, 'node_modules', 'openclaw', 'openclaw.mjs'),
    protocolSchema: join(folder, 'node_modules', '@openclaw', 'gateway-protocol', 'protocol.schema.json'),
  }
  const marker = join(folder, 'installed.json')
  if (await isInstalled(marker)) return { ...installation, installSeconds: null }

  const started = performance.now()
  await mkdir(folder, { recursive: true })
  const npm = ['install', '--prefix', folder, '--no-audit', '--no-fund', '--save-exact']
  await run('npm', [...npm, `node@${INTEROP_VERSIONS.node}`], process.env)
  // openclaw's install scripts must run on Node 24, so that Node goes first on PATH.
  const path = `${dirname(installation.node)}:${process.env.PATH ?? ''}`
  await run(
    'npm',
    [
      ...npm,
      `openclaw@${INTEROP_VERSIONS.openclaw}`,
      `@openclaw/gateway-protocol@${INTEROP_VERSIONS.gatewayProtocol}`,
    ],
    { ...process.env, PATH: path },
  )
  for (const file of [installation.node, installation.openclaw, installation.protocolSchema]) {
    if (!existsSync(file)) throw new Error(`install finished but ${file} is missing`)
  }
  await writeFile(marker, `${JSON.stringify(INTEROP_VERSIONS)}\n`)
  return { ...installation, installSeconds: Math.round((performance.now() - started) / 1000) }
}

async function isInstalled(marker: string): Promise<boolean> {
  try {
    return (await readFile(marker, 'utf8')).trim() === JSON.stringify(INTEROP_VERSIONS)
  } catch {
    return false
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise()
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`))
    })
  })
}
