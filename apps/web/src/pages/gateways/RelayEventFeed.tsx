import { jsonPreview } from '../../lib/json-preview.ts'
import type { FeedEvent } from '../../relay/relay-snapshot.ts'

const pad = (n: number) => String(n).padStart(2, '0')

/** Local time of day with seconds, "14:03:07", for events that come seconds apart. */
function clockTime(unixMs: number): string {
  const d = new Date(unixMs)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

interface RelayEventFeedProps {
  events: readonly FeedEvent[]
  /** How many the relay passed on in all; the feed keeps only the newest. */
  received: number
  /** Whether the relay is active (the empty state then says events are on their way). */
  active: boolean
}

/** The gateway's relayed events, newest first: time, event name and a one-line payload preview. */
export function RelayEventFeed({ events, received, active }: RelayEventFeedProps) {
  return (
    <div>
      <div className="mb-2 flex items-baseline justify-between gap-2">
        <h3
          id="relay-feed-heading"
          className="font-medium text-muted-foreground text-xs uppercase tracking-wide"
        >
          Live events
        </h3>
        {events.length > 0 && (
          <span className="text-2xs text-muted-foreground">
            {received > events.length ? `newest ${events.length} of ${received}` : `${received} received`}
          </span>
        )}
      </div>
      {events.length === 0 ? (
        <p data-testid="relay-feed-empty" className="text-muted-foreground text-xs">
          {active
            ? 'No events yet: the gateway’s tick, health and presence events appear here as they arrive.'
            : 'Connect to a gateway to see its events here as they happen.'}
        </p>
      ) : (
        <ol
          data-testid="relay-feed"
          aria-labelledby="relay-feed-heading"
          className="max-h-72 divide-y overflow-y-auto rounded-md border bg-background/40"
        >
          {events.map((event) => (
            <li
              key={event.key}
              data-event={event.event}
              data-seq={event.seq ?? ''}
              className="flex min-w-0 items-baseline gap-3 px-3 py-1.5 text-xs"
            >
              <time
                dateTime={new Date(event.at).toISOString()}
                className="shrink-0 font-mono text-muted-foreground tabular-nums"
              >
                {clockTime(event.at)}
              </time>
              <span data-field="event-name" className="shrink-0 font-medium font-mono">
                {event.event}
              </span>
              <span data-field="event-payload" className="min-w-0 truncate font-mono text-muted-foreground">
                {event.payload === undefined ? '' : jsonPreview(event.payload, 120)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
