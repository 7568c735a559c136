import path from 'node:path'

/** Added by npm and vitest to the processes they run, not by a reader's shell. */
const RUNNER_VARIABLES = /^(npm_.*|INIT_CWD|VITEST.*|NODE_ENV|TEST|NODE_OPTIONS)$/

/**
 * The environment of a newcomer's shell on this machine: this process's, less every variable
 * Mission Control reads (`settings`: a CI runner or a developer may have them set, the README's
 * commands must work without them) and less what npm and vitest add when they run this suite
 * (`npm_config_*` would configure the clone's npm; `node_modules/.bin` on the PATH would let the
 * clone run this checkout's programs), with `binFirst` at the front of the PATH.
 */
export function readerEnvironment(settings: Iterable<string>, binFirst: string): NodeJS.ProcessEnv {
  const drop = new Set(settings)
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (!drop.has(name) && !name.startsWith('MC_') && !RUNNER_VARIABLES.test(name)) env[name] = value
  }
  const searched = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => dir !== '' && !dir.includes('node_modules'))
  env.PATH = [binFirst, ...searched].join(path.delimiter)
  return env
}
