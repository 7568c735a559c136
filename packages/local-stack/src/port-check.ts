import { createServer } from 'node:net'
import { StartupError } from '@mc/runtime'

/** Listens on `port` and lets go at once: whether the api will be able to listen there. */
async function tryListen(port: number, host: string): Promise<NodeJS.ErrnoException | undefined> {
  const server = createServer()
  const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    server.once('error', resolve)
    server.listen(port, host, () => resolve(undefined))
  })
  if (!error) await new Promise((resolve) => server.close(resolve))
  return error
}

/** The next port after `port` that is free now, to suggest instead. */
async function nextFreePort(port: number, host: string): Promise<number | undefined> {
  for (let candidate = port + 1; candidate <= Math.min(port + 100, 65535); candidate++) {
    if (!(await tryListen(candidate, host))) return candidate
  }
  return undefined
}

/**
 * Throws a StartupError, one line saying which port is taken and how to choose another, when the
 * api could not listen on `host:port`. `npm start` checks this before it starts anything else;
 * `command` is how it was started, for the line to suggest.
 */
export async function assertPortAvailable(options: {
  port: number
  host: string
  command: string
}): Promise<void> {
  const { port, host } = options
  const error = await tryListen(port, host)
  if (!error) return
  if (error.code !== 'EADDRINUSE')
    throw new StartupError(`cannot listen on ${host}:${port}: ${error.message}`)
  const free = await nextFreePort(port, host)
  const instead = free ? `PORT=${free} ${options.command}` : 'set PORT to a free port'
  throw new StartupError(
    `port ${port} is in use by another program; stop it, or start on another port: ${instead}`,
  )
}
