import type { AgentApiError } from '../api/agent-api-error.ts'
import type { AgentConnectionEvent } from '../connection/events.ts'
import { redactSecrets } from '../redact.ts'

export interface Reporter {
  /** One line on stderr, prefixed `mc-agent:`, with every secret redacted. */
  say(text: string): void
  /** Like `say`, with --verbose only. */
  debug(text: string): void
  onEvent(event: AgentConnectionEvent): void
  /** From now on the command has ended: what is reported no longer "keeps running". */
  commandEnded(): void
  /** The connection has stopped: says so when this run never got registered (and nothing was refused). */
  connectionStopped(): void
}

function hint(error: AgentApiError): string {
  if (error.status === 401) return 'check --api-key / MC_API_KEY'
  if (error.status === 403) return 'the key needs the operator role'
  if (error.status === 404) return 'is --url a Mission Control server with direct connections?'
  return 'the server refused the request'
}

/** Connections lost in a row after which a person should hear of it. */
const LOST_WARNING_AFTER = 3

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/**
 * What mc-agent prints while the command runs. It shares the terminal with the command, so by
 * default it says only what needs a person: a refused key, a first failed registration, a connection
 * replaced by another tool or lost again and again, a failed disconnect. --verbose adds every
 * registration, heartbeat and retry.
 */
export function createReporter(options: {
  write: (text: string) => void
  verbose: boolean
  secrets: readonly string[]
}): Reporter {
  const say = (text: string) => options.write(`mc-agent: ${redactSecrets(text, options.secrets)}\n`)
  const debug = (text: string) => {
    if (options.verbose) say(text)
  }
  let registered = false
  let warnedUnreachable = false
  let ended = false
  let refused = false
  let lastConnectError: AgentApiError | undefined

  function onEvent(event: AgentConnectionEvent): void {
    switch (event.type) {
      case 'registered': {
        const { connection } = event
        const what = `agent ${connection.agent_id} (${connection.agent_name}), connection ${connection.connection_id}`
        if (!registered && warnedUnreachable && !options.verbose) say(`registered after all: ${what}`)
        else debug(`${event.reconnect ? 're-registered' : 'registered'}: ${what}`)
        registered = true
        break
      }
      case 'heartbeat': {
        const { tokens } = event
        const carried = tokens ? `, ${tokens.input}/${tokens.output} tokens of ${tokens.model}` : ''
        debug(`heartbeat ok (${event.response.connection_id}${carried})`)
        break
      }
      case 'retrying':
        if (event.operation === 'connect') lastConnectError = event.error
        if (
          event.operation === 'connect' &&
          !registered &&
          !warnedUnreachable &&
          !ended &&
          !options.verbose
        ) {
          warnedUnreachable = true
          say(
            `cannot register with Mission Control yet (${event.error.message}); the command runs anyway, retrying in the background`,
          )
        } else {
          debug(`${event.error.message}; retry ${event.attempt} in ${seconds(event.delayMs)}`)
        }
        break
      case 'connection-lost': {
        const why = event.reason ?? event.error.message
        if (event.inARow === LOST_WARNING_AFTER) {
          say(
            `connection ended ${event.inARow} times in a row before a heartbeat got through (${why}); is --interval longer than the server's heartbeat timeout? Re-registering with backoff`,
          )
        } else {
          debug(`connection ${event.connectionId} ended on the server (${why}); registering again`)
        }
        break
      }
      case 'replaced':
        say(
          `connection ${event.connectionId} was replaced by a newer one of the same agent and tool: another mc-agent with the same --name and --tool? Monitoring stops; the command keeps running`,
        )
        break
      case 'failed':
        refused = true
        say(
          ended
            ? `Mission Control refused this agent: ${event.error.message} (${hint(event.error)})`
            : `monitoring stopped: ${event.error.message} (${hint(event.error)}); the command keeps running`,
        )
        break
      case 'disconnected':
        debug(`disconnected ${event.connectionId}`)
        break
      case 'disconnect-failed':
        say(
          `could not disconnect ${event.connectionId} (${event.error.message}); it will expire without heartbeats`,
        )
        break
    }
  }

  return {
    say,
    debug,
    onEvent,
    commandEnded: () => {
      ended = true
    },
    connectionStopped: () => {
      if (registered || refused) return
      const why = lastConnectError
        ? `could not register with Mission Control (${lastConnectError.message})`
        : 'no answer from Mission Control in time'
      say(`this run is not recorded: ${why}`)
    },
  }
}
