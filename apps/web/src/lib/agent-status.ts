import type { AgentStatus } from '@mc/shared'
import type { StatusTone } from '../components/StatusIcon.tsx'

/** An agent with an open connection is online (green); otherwise offline (muted, not an error). */
export const AGENT_STATUS_TONE: Record<AgentStatus, StatusTone> = { online: 'ok', offline: 'unknown' }
