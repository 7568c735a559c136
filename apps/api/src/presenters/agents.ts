import { type AgentWithConnections, unixSeconds, unixSecondsOrNull } from '@mc/db'
import type { Agent } from '@mc/shared'

export function presentAgent(row: AgentWithConnections): Agent {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    status: row.status,
    source: row.source,
    last_seen: unixSecondsOrNull(row.lastSeen),
    created_at: unixSeconds(row.createdAt),
    open_connections: row.openConnections,
  }
}
