import { randomUUID } from 'node:crypto'

export interface FakeAgent {
  id: string
  name: string
  workspace: string
  createdAt: number
}

/** A session as the real gateway lists it (the fields a monitor reads; run fields after a first run). */
export interface FakeSessionRow {
  key: string
  sessionId: string
  agentId: string
  label?: string
  displayName?: string
  kind: 'direct'
  createdAt: number
  updatedAt: number
  lastInteractionAt?: number
  model: string
  modelProvider: string
  hasActiveRun: boolean
  /** Omitted while a run is going on, as the real gateway does (the exact ids are unavailable then). */
  activeRunIds?: string[]
  archived: boolean
  status?: 'running' | 'done'
  startedAt?: number
  endedAt?: number
  runtimeMs?: number
  lastRunId?: string
  inputTokens?: number
  outputTokens?: number
  totalTokens?: number
  estimatedCostUsd?: number
}

/** What changed, for `sessions.changed` events: a row (with why) or "reload the list". */
export type FakeSessionChange =
  | { type: 'row'; row: FakeSessionRow; reason?: 'create' | 'send'; phase?: 'start' | 'end'; runId?: string }
  | { type: 'reload'; agentId: string }

export interface NewSession {
  label?: string
  /** Backdates the session (default now). */
  updatedAt?: number
  archived?: boolean
}

export interface RunEnd {
  inputTokens?: number
  outputTokens?: number
  /** Default: the tokens at the mock model's price ($3 / $15 per million in / out). */
  costUsd?: number
  at?: number
}

export const DEFAULT_AGENT_ID = 'main'
const MOCK_PROVIDER = 'mock'
const MOCK_MODEL = 'echo-1'
const USD_PER_INPUT_TOKEN = 3 / 1_000_000
const USD_PER_OUTPUT_TOKEN = 15 / 1_000_000

export function agentIdFor(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'agent'
  )
}

/** The agents and sessions a fake gateway reports; `main` always exists, as on a fresh gateway. */
export class FakeWorld {
  agents: FakeAgent[] = []
  sessions: FakeSessionRow[] = []
  private readonly listeners = new Set<(change: FakeSessionChange) => void>()

  constructor(counts: { agents: number; sessions: number }) {
    this.setCounts(counts)
  }

  /** Calls `listener` on every session change; returns unsubscribe. */
  onChange(listener: (change: FakeSessionChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  setCounts(counts: { agents?: number; sessions?: number }): void {
    if (counts.agents !== undefined) {
      const wanted = Math.max(1, counts.agents)
      this.agents = this.agents.slice(0, wanted)
      if (this.agents.length === 0) this.addAgent(DEFAULT_AGENT_ID)
      while (this.agents.length < wanted) this.addAgent(`agent-${this.agents.length + 1}`)
      const ids = new Set(this.agents.map((agent) => agent.id))
      this.sessions = this.sessions.filter((session) => ids.has(session.agentId))
    }
    if (counts.sessions !== undefined) {
      this.sessions = this.sessions.slice(0, Math.max(0, counts.sessions))
      while (this.sessions.length < counts.sessions) this.addSession(DEFAULT_AGENT_ID)
    }
  }

  hasAgent(id: string): boolean {
    return this.agents.some((agent) => agent.id === id)
  }

  addAgent(name: string): FakeAgent {
    const id = agentIdFor(name)
    const agent = { id, name, workspace: `/fake/workspace-${id}`, createdAt: Date.now() }
    this.agents.push(agent)
    return agent
  }

  addSession(agentId: string, options: NewSession = {}): FakeSessionRow {
    const at = options.updatedAt ?? Date.now()
    const { label } = options
    const session: FakeSessionRow = {
      key: `agent:${agentId}:dashboard:${randomUUID()}`,
      sessionId: randomUUID(),
      agentId,
      ...(label ? { label, displayName: label } : {}),
      kind: 'direct',
      createdAt: at,
      updatedAt: at,
      model: MOCK_MODEL,
      modelProvider: MOCK_PROVIDER,
      hasActiveRun: false,
      activeRunIds: [],
      archived: options.archived ?? false,
    }
    this.sessions.unshift(session)
    this.emit({ type: 'row', row: session, reason: 'create' })
    return session
  }

  /** The session under `key`; throws if there is none (a test asked for something that is not there). */
  session(key: string): FakeSessionRow {
    const session = this.sessions.find((row) => row.key === key)
    if (!session) throw new Error(`fake gateway has no session ${key}`)
    return session
  }

  /** Rows newest `updatedAt` first, as `sessions.list` sorts them. */
  newestFirst(): FakeSessionRow[] {
    return [...this.sessions].sort((a, b) => b.updatedAt - a.updatedAt)
  }

  /** Activity on a session (a message sent): it moves to the top of the list. */
  touchSession(key: string, at = Date.now()): void {
    const session = this.session(key)
    Object.assign(session, { updatedAt: at, lastInteractionAt: at } satisfies Partial<FakeSessionRow>)
    this.emit({ type: 'row', row: session, reason: 'send' })
  }

  startRun(key: string, at = Date.now()): { runId: string } {
    const session = this.session(key)
    if (session.hasActiveRun) throw new Error(`session ${key} already has a run`)
    const runId = randomUUID()
    Object.assign(session, {
      hasActiveRun: true,
      status: 'running',
      startedAt: at,
      endedAt: undefined,
      runtimeMs: undefined,
      lastRunId: runId,
      updatedAt: at,
      lastInteractionAt: at,
    } satisfies Partial<FakeSessionRow>)
    delete session.activeRunIds
    this.emit({ type: 'row', row: session, phase: 'start', runId })
    return { runId }
  }

  endRun(key: string, end: RunEnd = {}): void {
    const session = this.session(key)
    if (!session.hasActiveRun || session.startedAt === undefined) throw new Error(`session ${key} has no run`)
    const { inputTokens = 1000, outputTokens = 50, at = Date.now() } = end
    Object.assign(session, {
      hasActiveRun: false,
      activeRunIds: [],
      status: 'done',
      endedAt: at,
      runtimeMs: Math.max(0, at - session.startedAt),
      updatedAt: at,
      inputTokens,
      outputTokens,
      totalTokens: inputTokens + outputTokens,
      estimatedCostUsd:
        end.costUsd ?? inputTokens * USD_PER_INPUT_TOKEN + outputTokens * USD_PER_OUTPUT_TOKEN,
    } satisfies Partial<FakeSessionRow>)
    this.emit({ type: 'row', row: session, phase: 'end', runId: session.lastRunId })
  }

  /** Gone without an event, as a deleted or pruned session. */
  removeSession(key: string): void {
    const session = this.session(key)
    this.sessions = this.sessions.filter((row) => row !== session)
  }

  /** A keyless "reload the list" change. */
  emitReload(agentId = DEFAULT_AGENT_ID): void {
    this.emit({ type: 'reload', agentId })
  }

  private emit(change: FakeSessionChange): void {
    for (const listener of this.listeners) listener(change)
  }
}
