import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdir } from 'node:fs/promises'
import { assertRedisReachable, StartupError } from '@mc/runtime'

export interface LocalRedis {
  url: string
  process: ChildProcess
  stop(): Promise<void>
}

export function redisServerInstalled(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0
}

/**
 * Starts `redis-server` from the machine's PATH on loopback. It keeps nothing on disk: the worker
 * re-creates its schedules at start and whenever they go missing.
 */
export async function startLocalRedis(options: {
  port: number
  dir: string
  detached?: boolean
}): Promise<LocalRedis> {
  if (!redisServerInstalled()) {
    throw new StartupError(
      'redis-server not found: install it (apt-get install redis-server) or set REDIS_URL=redis://host:6379',
    )
  }
  await mkdir(options.dir, { recursive: true })
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(options.port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      options.dir,
    ],
    { stdio: 'ignore', detached: options.detached ?? false },
  )
  const url = `redis://127.0.0.1:${options.port}`
  const exited = once(child, 'exit')
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    await exited
  }
  for (let attempt = 0; ; attempt++) {
    try {
      await assertRedisReachable(url, 500)
      return { url, process: child, stop }
    } catch (error) {
      if (child.exitCode !== null || attempt >= 50) {
        await stop()
        throw new StartupError(
          `redis-server did not start on port ${options.port}: ${(error as Error).message}`,
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}
