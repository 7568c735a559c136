import type { Session } from '@mc/shared'
import type { ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { useSession } from '../../../api/sessions.ts'
import { Page } from '../../../components/Page.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { isNotFound, PendingPage } from '../../../components/PendingPage.tsx'
import { sessionsPath } from '../../../lib/session-filters.ts'
import { formatCost, formatSessionTokens, sessionTitle } from '../../../lib/sessions.ts'
import { formatDateTime } from '../../../lib/time.ts'
import { NotFoundPage } from '../../NotFoundPage.tsx'
import { SessionStateMark } from '../SessionStateMark.tsx'

const BACK = { to: '/sessions', label: 'Sessions' }

const when = (at: number | null) => (at === null ? '—' : formatDateTime(at))

/** `/sessions/:id`: one session on one gateway as its watcher last saw it (incidents link here). */
export function SessionPage() {
  const { id = '' } = useParams()
  const numericId = /^\d+$/.test(id) ? Number(id) : null
  const detail = useSession(numericId)

  if (numericId === null || isNotFound(detail.error)) {
    return <NotFoundPage title="Session not found" message={`There is no session ${id}.`} />
  }
  if (!detail.data) {
    return <PendingPage title="Session" back={BACK} query={detail} errorTitle="Could not load this session" />
  }
  const { session } = detail.data
  return (
    <Page
      title={sessionTitle(session)}
      back={BACK}
      badges={
        <span data-field="state">
          <SessionStateMark state={session.state} />
        </span>
      }
      description={
        <span>
          Agent <span className="font-mono">{session.agent}</span> on{' '}
          <Link to={`/gateways/${session.gateway_id}`} className="text-primary underline underline-offset-2">
            {session.gateway_name}
          </Link>{' '}
          ·{' '}
          <Link
            to={sessionsPath({ gateway_id: session.gateway_id })}
            className="text-primary underline underline-offset-2"
          >
            all its sessions
          </Link>
        </span>
      }
    >
      <Panel id="session-facts" title="Session">
        <SessionFacts session={session} />
      </Panel>
    </Page>
  )
}

function SessionFacts({ session }: { session: Session }) {
  const facts: [string, ReactNode][] = [
    [
      'Key',
      <span key="key" className="break-all font-mono">
        {session.key}
      </span>,
    ],
    ['Kind', session.kind ?? '—'],
    ['Model', session.model ? `${session.model_provider ?? '?'} / ${session.model}` : '—'],
    [
      'Run',
      session.has_active_run
        ? `in progress (${session.run_status ?? 'running'})`
        : (session.run_status ?? 'none yet'),
    ],
    ['Last activity', when(session.last_activity_at)],
    [
      'Last run',
      session.run_started_at === null
        ? '—'
        : `${when(session.run_started_at)} → ${when(session.run_ended_at)}`,
    ],
    ['Tokens in / out', formatSessionTokens(session)],
    ['Estimated cost', formatCost(session.estimated_cost_usd)],
    ['Created on the gateway', when(session.created_at)],
    ['First seen', when(session.first_seen_at)],
    ['Last seen', when(session.last_seen_at)],
    ['Ended', session.ended_at === null ? 'still on the gateway' : when(session.ended_at)],
  ]
  return (
    <dl className="grid grid-cols-1 gap-4 text-xs sm:grid-cols-2 lg:grid-cols-3">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt className="text-muted-foreground">{term}</dt>
          <dd className="mt-0.5" data-fact={term}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  )
}
