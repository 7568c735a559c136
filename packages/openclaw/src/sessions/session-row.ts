import { isRecord } from '../protocol/is-record.ts'

/**
 * The state of one session as a monitor keeps it: a `sessions.list` row (or a keyed `sessions.changed`
 * payload) reduced to what describes activity. Times are epoch ms as the gateway sends them.
 */
export interface GatewaySessionRow {
  key: string
  agentId: string
  label: string | null
  kind: string | null
  model: string | null
  modelProvider: string | null
  createdAt: number | null
  updatedAt: number | null
  lastInteractionAt: number | null
  hasActiveRun: boolean
  /** The row's `status`: `running` during a run, `done` after one. */
  runStatus: string | null
  startedAt: number | null
  endedAt: number | null
  inputTokens: number | null
  outputTokens: number | null
  estimatedCostUsd: number | null
  archived: boolean
}

/** Longest label, model, kind, … kept; longer text is cut. */
export const MAX_SESSION_TEXT_LENGTH = 200
// Keys identify rows: a longer one is refused rather than cut, so that two sessions never merge.
const MAX_SESSION_KEY_LENGTH = 512
const AGENT_KEY = /^agent:([^:]+):/

/**
 * Reads one session row leniently (a newer gateway may add or drop fields: a missing or wrong-typed
 * field becomes null). Null only without a usable `key`. Copies only the fields above, never message
 * content such as `lastMessagePreview`.
 */
export function parseSessionRow(raw: unknown): GatewaySessionRow | null {
  if (!isRecord(raw)) return null
  const key = raw.key
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_SESSION_KEY_LENGTH) return null
  return {
    key,
    agentId: text(raw.agentId) ?? text(AGENT_KEY.exec(key)?.[1]) ?? 'unknown',
    label: text(raw.label) ?? text(raw.displayName),
    kind: text(raw.kind),
    model: text(raw.model),
    modelProvider: text(raw.modelProvider),
    createdAt: amount(raw.createdAt),
    updatedAt: amount(raw.updatedAt),
    lastInteractionAt: amount(raw.lastInteractionAt),
    hasActiveRun: raw.hasActiveRun === true,
    runStatus: text(raw.status),
    startedAt: amount(raw.startedAt),
    endedAt: amount(raw.endedAt),
    inputTokens: amount(raw.inputTokens),
    outputTokens: amount(raw.outputTokens),
    estimatedCostUsd: amount(raw.estimatedCostUsd),
    archived: raw.archived === true,
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value.slice(0, MAX_SESSION_TEXT_LENGTH) : null
}

function amount(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null
}
