import { ApiRequestError } from '@mc/shared'
import { redactedMessage } from '../redact.ts'

export type AgentApiOperation = 'connect' | 'heartbeat' | 'disconnect' | 'list-connections'

/**
 * What a failure means for the caller:
 * - `transient`: network error, timeout, 408, 429, 5xx — retry with backoff (honour `retryAfterMs`);
 * - `connection-gone`: the connection is no longer live (409, or 404 on a heartbeat) — register again;
 * - `permanent`: 400/401/403/404/413 or an answer that is not Mission Control's — retrying will not help;
 * - `aborted`: the caller gave up (its AbortSignal fired).
 */
export type AgentApiErrorKind = 'transient' | 'connection-gone' | 'permanent' | 'aborted'

/** A failed call to Mission Control. Its message never contains the API key. */
export class AgentApiError extends Error {
  constructor(
    readonly operation: AgentApiOperation,
    readonly kind: AgentApiErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message)
    this.name = 'AgentApiError'
  }
}

const TRANSIENT_STATUSES = new Set([408, 425, 429])

function kindOfStatus(operation: AgentApiOperation, status: number): AgentApiErrorKind {
  if (TRANSIENT_STATUSES.has(status) || status >= 500) return 'transient'
  if (status === 409) return 'connection-gone'
  if (status === 404 && (operation === 'heartbeat' || operation === 'disconnect')) return 'connection-gone'
  return 'permanent'
}

/** Node's fetch hides the reason in `cause` (`ECONNREFUSED`, `ENOTFOUND`, …). */
function networkReason(error: Error): string {
  const cause = (error as { cause?: unknown }).cause
  if (cause && typeof cause === 'object') {
    const code = (cause as { code?: unknown }).code
    const message = (cause as { message?: unknown }).message
    if (typeof code === 'string') return code
    if (typeof message === 'string') return message
  }
  return error.message
}

export interface ClassifyContext {
  operation: AgentApiOperation
  /** `${method} ${path}`, for messages. */
  request: string
  retryAfterMs: number | undefined
  aborted: boolean
  timedOut: boolean
  secrets: readonly (string | undefined)[]
}

/** Turns whatever a request threw into an {@link AgentApiError}, with the secrets redacted. */
export function toAgentApiError(error: unknown, context: ClassifyContext): AgentApiError {
  const { operation, request, secrets } = context
  if (error instanceof AgentApiError) return error
  const say = (text: string) => redactedMessage(text, secrets)
  if (error instanceof ApiRequestError) {
    const kind = kindOfStatus(operation, error.status)
    const text = `${request}: HTTP ${error.status}: ${error.message}`
    return new AgentApiError(operation, kind, say(text), error.status, context.retryAfterMs)
  }
  if (context.aborted) return new AgentApiError(operation, 'aborted', `${request}: aborted`)
  if (context.timedOut) return new AgentApiError(operation, 'transient', `${request}: no answer in time`)
  if (error instanceof Error && error.name === 'ZodError') {
    const text = `${request}: unexpected answer (is the URL a Mission Control server?)`
    return new AgentApiError(operation, 'permanent', say(text))
  }
  const reason = error instanceof Error ? networkReason(error) : String(error)
  return new AgentApiError(operation, 'transient', say(`${request}: ${reason}`))
}
