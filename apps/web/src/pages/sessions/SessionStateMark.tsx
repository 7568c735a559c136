import type { SessionState } from '@mc/shared'
import { StatusIcon } from '../../components/StatusIcon.tsx'
import { SESSION_STATE_TONE } from '../../lib/sessions.ts'

/** A session state's mark and name: "▲ stuck". */
export function SessionStateMark({ state }: { state: SessionState }) {
  return (
    <span className="inline-flex items-center gap-1.5 capitalize">
      <StatusIcon tone={SESSION_STATE_TONE[state]} />
      {state}
    </span>
  )
}
