import type { ConnectRequest, ConnectResponse } from '@mc/shared'
import { type AgentApi, type AgentApiOptions, createAgentApi } from '../api/agent-api.ts'
import { AgentApiError } from '../api/agent-api-error.ts'
import { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF, type Random, withJitter } from './backoff.ts'
import type { AgentConnectionEvent, AgentConnectionStatus } from './events.ts'
import { retryTransient } from './retry.ts'
import { sleep as realSleep, type Sleep } from './sleep.ts'
import { TokenQueue, type TokenUsage } from './token-queue.ts'

export interface AgentConnectionOptions extends AgentApiOptions {
  /** The agent's name (created on first connect), e.g. `codex-session-01`. */
  name: string
  /** The tool, e.g. `codex`, `claude-code`. */
  tool: string
  toolVersion?: string
  role?: string
  /** Any JSON object up to 16 KB: workspace, model, … */
  metadata?: Record<string, unknown>
  /** Seconds between heartbeats (± 20 % jitter); defaults to the server's `heartbeat_interval_s`. */
  intervalS?: number
  onEvent?: (event: AgentConnectionEvent) => void
  /** The most `stop()` waits for in-flight calls, token flush and disconnect. Default 5000 ms. */
  stopTimeoutMs?: number
  backoff?: Partial<BackoffOptions>
  /** For tests: the randomness behind jitter, the waiting, and the API itself. */
  random?: Random
  sleep?: Sleep
  api?: AgentApi
}

export interface AgentConnection {
  /** The connection id; undefined until registered and while registering again, kept after `stop()`. */
  readonly connectionId: string | undefined
  readonly agentId: number | undefined
  readonly status: AgentConnectionStatus
  /** The permanent failure that ended the connection's talking to the server, if any. */
  readonly failure: AgentApiError | undefined
  /**
   * Registers (retrying transient failures) and heartbeats in the background until `stop()`.
   * Resolves with the first connection, or undefined when stopped before one was made; rejects
   * with an `AgentApiError` on a permanent failure (401, 403, 400, …). Calling it again returns
   * the same promise; ignoring a rejection is safe.
   */
  start(): Promise<ConnectResponse | undefined>
  /** Queues token usage for the next heartbeat (one model per heartbeat; the rest follow within seconds). */
  reportTokens(usage: TokenUsage): void
  /** Stops heartbeating, sends queued tokens, disconnects. Never rejects; bounded by `stopTimeoutMs`. */
  stop(): Promise<void>
}

const HEARTBEAT_JITTER = 0.2
/** The `disconnect_reason` of a connection retired by a newer connect of the same agent and tool. */
const REPLACED = 'replaced'
/** Pause between heartbeats that drain a backlog of token reports for several models. */
const TOKEN_DRAIN_MS = 1000

/** A CLI agent's life in Mission Control: register, heartbeat (with token usage), disconnect. */
export function createAgentConnection(options: AgentConnectionOptions): AgentConnection {
  const api = options.api ?? createAgentApi(options)
  const random = options.random ?? Math.random
  const sleep = options.sleep ?? realSleep
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff }
  const connectBody: ConnectRequest = {
    agent_name: options.name,
    tool_name: options.tool,
    ...(options.toolVersion !== undefined && { tool_version: options.toolVersion }),
    ...(options.role !== undefined && { agent_role: options.role }),
    ...(options.metadata !== undefined && { metadata: options.metadata }),
  }
  const tokens = new TokenQueue()
  const stopping = new AbortController() // ends the loop's waits
  const halt = new AbortController() // abandons requests in flight once stop's time is up
  let connection: ConnectResponse | undefined
  let lastConnection: ConnectResponse | undefined
  let status: AgentConnectionStatus = 'idle'
  let failure: AgentApiError | undefined
  let loop: Promise<void> | undefined
  let stopped: Promise<void> | undefined
  let settleFirst: ((value: ConnectResponse | undefined, error?: AgentApiError) => void) | undefined
  let first: Promise<ConnectResponse | undefined> | undefined

  const emit = (event: AgentConnectionEvent) => {
    try {
      options.onEvent?.(event)
    } catch {
      // A listener's bug must not stop the heartbeats.
    }
  }
  const retryOptions = (signal: AbortSignal) => ({
    backoff,
    random,
    sleep,
    signal,
    onRetry: (error: AgentApiError, attempt: number, delayMs: number) =>
      emit({ type: 'retrying', operation: error.operation, attempt, delayMs, error }),
  })
  const intervalMs = (current: ConnectResponse) => {
    const seconds = options.intervalS ?? current.heartbeat_interval_s
    return (seconds > 0 ? seconds : 30) * 1000
  }

  /** One heartbeat (retried while transient); true when it carried tokens. */
  async function beat(current: ConnectResponse, signal: AbortSignal): Promise<boolean> {
    const carried = tokens.peek()
    const body = { connection_id: current.connection_id, ...(carried && { tokens: carried }) }
    const response = await retryTransient(
      () => api.heartbeat(current.agent_id, body, halt.signal),
      retryOptions(signal),
    )
    if (carried) tokens.acknowledge(carried)
    emit({ type: 'heartbeat', response, tokens: carried })
    return carried !== undefined
  }

  /** Why the server ended a connection (`replaced`, `heartbeat_timeout`, …), when it can tell. */
  async function endReason(lost: ConnectResponse): Promise<string | undefined> {
    try {
      const query = { agent: options.name, tool: options.tool, limit: 50 }
      const { connections } = await api.listConnections(query, halt.signal)
      return connections.find((c) => c.connection_id === lost.connection_id)?.disconnect_reason ?? undefined
    } catch {
      return undefined
    }
  }

  async function run(): Promise<void> {
    let reconnect = false
    let carriedTokens = false
    // Connections lost without a good heartbeat in between (an interval longer than the server's
    // timeout, an operator disconnecting again and again): re-registering backs off.
    let lostInARow = 0
    try {
      for (;;) {
        if (!connection) {
          status = 'registering'
          if (lostInARow >= 2) await sleep(backoffDelay(lostInARow - 2, backoff, random), stopping.signal)
          const opened = await retryTransient(
            () => api.connect(connectBody, halt.signal),
            retryOptions(stopping.signal),
          )
          connection = lastConnection = opened
          status = 'connected'
          emit({ type: 'registered', connection: opened, reconnect })
          settleFirst?.(opened)
        }
        const every = intervalMs(connection)
        const wait =
          carriedTokens && tokens.size > 0
            ? Math.min(TOKEN_DRAIN_MS, every)
            : withJitter(every, HEARTBEAT_JITTER, random)
        await sleep(wait, stopping.signal)
        try {
          carriedTokens = await beat(connection, stopping.signal)
          lostInARow = 0
        } catch (error) {
          if (!(error instanceof AgentApiError) || error.kind !== 'connection-gone') throw error
          const lost = connection
          connection = undefined
          const reason = await endReason(lost)
          if (reason === REPLACED) {
            // A newer connect of the same agent and tool took over: fighting it would make both flap.
            status = 'replaced'
            emit({ type: 'replaced', connectionId: lost.connection_id })
            return
          }
          lostInARow++
          emit({
            type: 'connection-lost',
            connectionId: lost.connection_id,
            reason,
            error,
            inARow: lostInARow,
          })
          reconnect = true
        }
      }
    } catch (error) {
      // Stopping ends the waits, not the answer in flight: a refusal that arrives meanwhile still counts.
      const refused = error instanceof AgentApiError && error.kind === 'permanent'
      if (stopping.signal.aborted && !refused) return
      failure =
        error instanceof AgentApiError
          ? error
          : new AgentApiError(connection ? 'heartbeat' : 'connect', 'permanent', String(error))
      status = 'failed'
      emit({ type: 'failed', error: failure })
      settleFirst?.(undefined, failure)
    }
  }

  async function shutDown(): Promise<void> {
    stopping.abort()
    AbortSignal.timeout(options.stopTimeoutMs ?? 5000).addEventListener('abort', () => halt.abort())
    await loop
    settleFirst?.(undefined)
    const current = connection
    if (current && !failure) {
      try {
        while (tokens.size > 0) await beat(current, halt.signal)
      } catch {
        // The connection is gone or time is up: the remaining usage cannot be delivered.
      }
      try {
        await retryTransient(
          () => api.disconnect(current.connection_id, halt.signal),
          retryOptions(halt.signal),
        )
        emit({ type: 'disconnected', connectionId: current.connection_id })
      } catch (error) {
        const reason =
          error instanceof AgentApiError
            ? error
            : new AgentApiError('disconnect', 'aborted', 'stopped waiting')
        emit({ type: 'disconnect-failed', connectionId: current.connection_id, error: reason })
      }
    }
    if (status !== 'failed' && status !== 'replaced') status = 'stopped'
  }

  return {
    get connectionId() {
      return connection?.connection_id
    },
    get agentId() {
      return (connection ?? lastConnection)?.agent_id
    },
    get status() {
      return status
    },
    get failure() {
      return failure
    },
    start() {
      if (first) return first
      first = new Promise<ConnectResponse | undefined>((resolve, reject) => {
        settleFirst = (value, error) => {
          settleFirst = undefined
          if (error) reject(error)
          else resolve(value)
        }
      })
      first.catch(() => {}) // callers that do not await start() must not crash on a rejection
      if (stopped) settleFirst?.(undefined)
      else loop = run()
      return first
    },
    reportTokens(usage) {
      tokens.add(usage)
    },
    stop() {
      stopped ??= shutDown()
      return stopped
    },
  }
}
