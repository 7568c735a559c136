import { createHash, randomUUID } from 'node:crypto'

/** One `audit.activity.list` record, as the real ledger keeps it (metadata only). */
export interface FakeActivityEvent {
  schemaVersion: 1
  sequence: number
  eventId: string
  sourceSequence: number
  occurredAt: number
  redaction: 'metadata_only'
  agentId: string
  sessionKey: string
  sessionId: string
  runId: string
  kind: 'tool_action'
  toolCallId: string
  toolName: string
  action: 'tool.action.started' | 'tool.action.finished'
  status: 'started' | 'succeeded' | 'failed'
  errorCode?: 'tool_failed'
  eventType: 'tool_action'
  actor: { type: 'agent'; id: string }
}

export interface ActivityQuery {
  kind?: string
  status?: string
  agentId?: string
  sessionKey?: string
  runId?: string
  limit?: number
  cursor?: string
}

export interface FinishedToolAction {
  agentId: string
  sessionKey: string
  sessionId: string
  runId: string
  /** The raw id: the ledger keeps only its sha256, as the real one does. */
  toolCallId: string
  toolName: string
  startedAt: number
  endedAt: number
  ok: boolean
}

// The real ledger keeps ≤100k rows; a fake keeps fewer, newest.
const MAX_EVENTS = 20_000
const DEFAULT_LIMIT = 100

/** The fake's `audit.activity.list` ledger: tool start/finish pairs, newest first, sequence cursors. */
export class FakeActivityLedger {
  private events: FakeActivityEvent[] = []
  private sequence = 0

  recordToolAction(action: FinishedToolAction): void {
    const toolCallId = `sha256:${createHash('sha256').update(action.toolCallId).digest('hex')}`
    const base = {
      schemaVersion: 1 as const,
      redaction: 'metadata_only' as const,
      agentId: action.agentId,
      sessionKey: action.sessionKey,
      sessionId: action.sessionId,
      runId: action.runId,
      kind: 'tool_action' as const,
      toolCallId,
      toolName: action.toolName,
      eventType: 'tool_action' as const,
      actor: { type: 'agent' as const, id: action.agentId },
    }
    this.push({ ...base, occurredAt: action.startedAt, action: 'tool.action.started', status: 'started' })
    this.push({
      ...base,
      occurredAt: action.endedAt,
      action: 'tool.action.finished',
      ...(action.ok ? { status: 'succeeded' } : { status: 'failed', errorCode: 'tool_failed' }),
    })
  }

  /** Newest first; `nextCursor` (the last row's sequence) only when more rows match. */
  list(query: ActivityQuery): { events: FakeActivityEvent[]; nextCursor?: string } {
    const before = query.cursor === undefined ? Number.POSITIVE_INFINITY : Number(query.cursor)
    const limit = query.limit ?? DEFAULT_LIMIT
    const page: FakeActivityEvent[] = []
    for (let i = this.events.length - 1; i >= 0; i--) {
      const event = this.events[i] as FakeActivityEvent
      if (event.sequence >= before || !matches(event, query)) continue
      if (page.length === limit) return { events: page, nextCursor: String(page.at(-1)?.sequence) }
      page.push(event)
    }
    return { events: page }
  }

  private push(event: Omit<FakeActivityEvent, 'sequence' | 'sourceSequence' | 'eventId'>): void {
    this.sequence++
    this.events.push({
      ...event,
      sequence: this.sequence,
      sourceSequence: this.sequence,
      eventId: randomUUID(),
    })
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS)
  }
}

function matches(event: FakeActivityEvent, query: ActivityQuery): boolean {
  return (
    (query.kind === undefined || event.kind === query.kind) &&
    (query.status === undefined || event.status === query.status) &&
    (query.agentId === undefined || event.agentId === query.agentId) &&
    (query.sessionKey === undefined || event.sessionKey === query.sessionKey) &&
    (query.runId === undefined || event.runId === query.runId)
  )
}
