import path from 'node:path'
import { connectionMetadataSchema } from '@mc/shared'
import packageJson from '../../package.json' with { type: 'json' }
import { createAgentConnection } from '../connection/agent-connection.ts'
import { redactSecrets } from '../redact.ts'
import { parseCliArgs, type RunOptions, secretsIn, UsageError } from './args.ts'
import { runChildCommand } from './child-command.ts'
import { agentExitCode, REFUSED_EXIT_CODE } from './exit-code.ts'
import { createReporter } from './reporter.ts'
import { USAGE } from './usage.ts'

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

export interface CliContext {
  argv: readonly string[]
  env: NodeJS.ProcessEnv
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Where SIGINT/SIGTERM/SIGHUP arrive: `process`. */
  signals: {
    on(event: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown
    off(event: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown
  }
  cwd: string
  hostname: string
}

/** Where and what the agent runs, under the user's own `--metadata` (which wins). */
function metadataFor(options: RunOptions, context: CliContext): Record<string, unknown> | undefined {
  const merged = {
    workspace: context.cwd,
    host: context.hostname,
    command: path.basename(options.command[0] ?? ''),
    ...options.metadata,
  }
  return connectionMetadataSchema.safeParse(merged).success ? merged : options.metadata
}

/**
 * mc-agent: returns the exit status: the command's, 78 when Mission Control refused the agent and
 * the command succeeded, or 2 for a usage error.
 */
export async function main(context: CliContext): Promise<number> {
  const secrets = secretsIn(context.argv, context.env)
  let options: RunOptions
  try {
    const parsed = parseCliArgs(context.argv, context.env)
    if (parsed.kind === 'help') {
      context.stdout(USAGE)
      return 0
    }
    if (parsed.kind === 'version') {
      context.stdout(`${packageJson.version}\n`)
      return 0
    }
    options = parsed.options
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    context.stderr(`mc-agent: ${redactSecrets(error.message, secrets)}\nRun mc-agent --help for usage.\n`)
    return 2
  }

  const reporter = createReporter({
    write: context.stderr,
    verbose: options.verbose,
    secrets: [...secrets, options.apiKey],
  })
  const keyFrom = secretsIn(context.argv, {}).length > 0 ? '--api-key' : 'MC_API_KEY'
  reporter.debug(`${options.url}: agent ${options.name}, tool ${options.tool}, API key from ${keyFrom}`)
  const { verbose: _verbose, command, ...connectionOptions } = options
  const connection = createAgentConnection({
    ...connectionOptions,
    metadata: metadataFor(options, context),
    onEvent: reporter.onEvent,
  })
  // Monitoring never holds the command up: it starts at once, registration runs alongside.
  void connection.start()
  const child = runChildCommand(command)

  let abandon: () => void = () => {}
  const abandoned = new Promise<void>((resolve) => {
    abandon = resolve
  })
  let commandEnded = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (!commandEnded) child.signal(signal)
    else abandon() // a signal while disconnecting: leave now, the connection expires on its own
  }
  for (const signal of FORWARDED_SIGNALS) context.signals.on(signal, onSignal)
  try {
    const outcome = await child.done
    commandEnded = true
    reporter.commandEnded()
    if (outcome.startError) reporter.say(outcome.startError)
    // stop() lets a registration still in flight answer (within its time limit), so even `-- true`
    // learns whether the key was refused.
    const stopped = await Promise.race([connection.stop().then(() => true), abandoned.then(() => false)])
    if (stopped) reporter.connectionStopped()
    const exitCode = agentExitCode(outcome.exitCode, connection.status === 'failed')
    if (exitCode === REFUSED_EXIT_CODE && outcome.exitCode === 0) {
      reporter.say(
        `exit status ${REFUSED_EXIT_CODE}: the command succeeded, but Mission Control refused this agent`,
      )
    }
    return exitCode
  } finally {
    for (const signal of FORWARDED_SIGNALS) context.signals.off(signal, onSignal)
  }
}
