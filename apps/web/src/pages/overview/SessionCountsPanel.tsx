import type { SessionState } from '@mc/shared'
import { Link } from 'react-router'
import { useSessionCounts } from '../../api/sessions.ts'
import { Panel } from '../../components/Panel.tsx'
import { Stat } from '../../components/Stat.tsx'
import { TONE_LOOK } from '../../components/StatusIcon.tsx'
import { sessionsPath } from '../../lib/session-filters.ts'
import { SESSION_STATE_TONE } from '../../lib/sessions.ts'

const SHOWN = [
  { state: 'active', hint: 'a run in progress' },
  { state: 'idle', hint: 'no activity for a while' },
  { state: 'stuck', hint: 'a run that stopped moving' },
] as const satisfies readonly { state: SessionState; hint: string }[]

/** The sessions of every gateway that are working, quiet or stuck; each count links to them. */
export function SessionCountsPanel() {
  const counts = useSessionCounts()
  return (
    <Panel
      id="overview-sessions"
      title="Agent sessions"
      description="On every watched gateway"
      actions={
        <Link to="/sessions" className="text-primary text-xs hover:underline">
          All sessions →
        </Link>
      }
    >
      <div className="grid grid-cols-3 gap-2">
        {SHOWN.map(({ state, hint }) => {
          const value = counts.data?.[state]
          return (
            <Link
              key={state}
              to={sessionsPath({ state })}
              data-testid={`sessions-${state}`}
              className="rounded-md hover:bg-accent/30"
            >
              <Stat
                id={`sessions-${state}`}
                label={state}
                value={value ?? (counts.isError ? '—' : '…')}
                valueClassName={value ? TONE_LOOK[SESSION_STATE_TONE[state]].text : 'text-muted-foreground'}
                hint={hint}
              />
            </Link>
          )
        })}
      </div>
    </Panel>
  )
}
