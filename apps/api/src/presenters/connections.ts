import { type ConnectionWithAgent, unixSeconds, unixSecondsOrNull } from '@mc/db'
import type { DirectConnection } from '@mc/shared'

/** The seed's DirectConnection: `metadata` as the tool's JSON text, agent fields denormalised. */
export function presentConnection(row: ConnectionWithAgent): DirectConnection {
  return {
    id: row.id,
    agent_id: row.agentId,
    tool_name: row.toolName,
    tool_version: row.toolVersion,
    connection_id: row.connectionId,
    status: row.status,
    last_heartbeat: unixSecondsOrNull(row.lastHeartbeat),
    metadata: row.metadata === null ? null : JSON.stringify(row.metadata),
    created_at: unixSeconds(row.createdAt),
    agent_name: row.agentName,
    agent_status: row.agentStatus,
    agent_role: row.agentRole,
    expires_at: unixSeconds(row.expiresAt),
    disconnected_at: unixSecondsOrNull(row.disconnectedAt),
    disconnect_reason: row.disconnectReason,
  }
}
