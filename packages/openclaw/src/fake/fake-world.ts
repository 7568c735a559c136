import { randomUUID } from 'node:crypto'

export interface FakeAgent {
  id: string
  name: string
  workspace: string
  createdAt: number
}

export interface FakeSessionRow {
  key: string
  sessionId: string
  agentId: string
  label?: string
  createdAt: number
  updatedAt: number
}

export const DEFAULT_AGENT_ID = 'main'

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

  constructor(counts: { agents: number; sessions: number }) {
    this.setCounts(counts)
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

  addSession(agentId: string, label?: string): FakeSessionRow {
    const now = Date.now()
    const session = {
      key: `agent:${agentId}:dashboard:${randomUUID()}`,
      sessionId: randomUUID(),
      agentId,
      ...(label ? { label } : {}),
      createdAt: now,
      updatedAt: now,
    }
    // Newest first, like sessions.list sorted by updatedAt.
    this.sessions.unshift(session)
    return session
  }
}
