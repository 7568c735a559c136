import { execFileSync } from 'node:child_process'
import { chmod, mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface FreshClone {
  /** The clone's work tree. */
  dir: string
  /** The commit it has checked out. */
  commit: string
  /** Kills whatever still runs from the clone, then deletes it. */
  remove(): Promise<void>
}

/**
 * `git clone` of `source`'s HEAD into a new temporary folder: the repository as a newcomer gets it,
 * without the source's uncommitted changes, ignored files, node_modules or builds.
 */
export async function freshClone(source: string): Promise<FreshClone> {
  const parent = await mkdtemp(path.join(tmpdir(), 'mc-readme-'))
  // As root, the embedded Postgres runs as the `postgres` user, who must be able to enter the clone.
  await chmod(parent, 0o755)
  const dir = path.join(parent, 'mission-control')
  const remove = async () => {
    await killProcessesIn(parent)
    await rm(parent, { recursive: true, force: true })
  }
  try {
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', source, dir], { stdio: 'pipe' })
    const head = (cwd: string) => execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8' }).trim()
    const commit = head(dir)
    if (commit !== head(source))
      throw new Error(`the clone has ${commit}, not ${source}'s HEAD ${head(source)}`)
    return { dir, commit, remove }
  } catch (error) {
    await remove()
    throw error
  }
}

/**
 * The processes started from inside `dir`: running there or naming it on their command line (redis
 * rewrites its command line, but runs in its data folder).
 */
export async function processesIn(dir: string): Promise<number[]> {
  const inside = (file: string) => file === dir || file.startsWith(`${dir}/`)
  const found: number[] = []
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid) || pid === process.pid) continue
    try {
      const cwd = await readlink(`/proc/${pid}/cwd`)
      const commandLine = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0')
      if (inside(cwd) || commandLine.some((arg) => arg.includes(`${dir}/`))) found.push(pid)
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found
}

/**
 * SIGKILL to every process started from inside `dir`: the last resort when a failed test left the
 * clone's Postgres, Redis or node processes behind (they run in process groups of their own, out of
 * reach of a signal to the shell's group).
 */
async function killProcessesIn(dir: string): Promise<void> {
  for (const pid of await processesIn(dir)) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // gone meanwhile
    }
  }
}
