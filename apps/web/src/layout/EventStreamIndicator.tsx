import { StatusIcon, type StatusTone } from '../components/StatusIcon.tsx'
import { type StreamStatus, useStreamStatus } from '../event-stream/stream-status.ts'
import { HEADER_PILL } from './header-pill.ts'

const VIEW: Record<StreamStatus, { tone: StatusTone; label: string; title: string }> = {
  live: { tone: 'ok', label: 'Live', title: 'Views update as things happen' },
  connecting: {
    tone: 'pending',
    label: 'Connecting…',
    title: 'The live update stream is reconnecting; views poll the API meanwhile',
  },
  // Views still update, only later: a warning, not an alarm.
  down: {
    tone: 'warn',
    label: 'Polling',
    title: 'Live updates are unavailable; views poll the API every few seconds',
  },
}

/** The event stream's state in the header: views patch themselves while it is live and poll when not. */
export function EventStreamIndicator() {
  const status = useStreamStatus()
  const view = VIEW[status]
  return (
    <div data-testid="event-stream" data-state={status} title={view.title} className={HEADER_PILL}>
      <StatusIcon tone={view.tone} pulse={status === 'connecting'} />
      <span aria-live="polite">{view.label}</span>
    </div>
  )
}
