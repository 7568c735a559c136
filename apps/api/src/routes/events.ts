import { errorMessage } from '@mc/shared'
import { streamSSE } from 'hono/streaming'
import { z } from 'zod'
import type { RouteDeps } from '../app-deps.ts'
import { isLogId, LOG_ID } from '../events/event-hub.ts'
import { openEventStream } from '../events/event-stream.ts'
import { HttpError } from '../http/http-error.ts'
import type { RouteDef } from '../http/route.ts'

const RETRY_MS = 3000
const FLUSH_MS = 100

/** Read by hand (the header wins), so only for the doc. */
const eventsQuerySchema = z.object({
  last_event_id: z
    .string()
    .regex(LOG_ID)
    .optional()
    .describe(
      'resume after this event, for a page that reconnects by hand (EventSource sends Last-Event-ID)',
    ),
})

export function eventRoutes({
  eventHub,
  config,
  logger,
  metrics,
}: Pick<RouteDeps, 'eventHub' | 'config' | 'logger' | 'metrics'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/events',
      access: 'viewer',
      doc: {
        summary: 'Stream live events',
        description:
          'Server-sent events of the whole installation: gateway, connection, agent, session and ' +
          'incident changes. A reconnect with Last-Event-ID (or `last_event_id`) first gets the events ' +
          'it missed; `ready` follows them. `resync` says events were lost (the log no longer reaches ' +
          'back, or the subscription had a gap): reload what is shown. A stream ends after ' +
          'EVENTS_MAX_LIFETIME_S, so the browser reconnects and its sign-in is checked again. 503 while ' +
          'Redis does not answer.',
        query: eventsQuerySchema,
        responses: {
          200: {
            contentType: 'text/event-stream',
            description:
              'Each event is named (`event:`) by its `type`, with the event as JSON in `data` and its `id` to resume from.',
          },
        },
      },
      handler: async (c) => {
        // EventSource sends the header on reconnect; the query parameter lets a page resume by hand.
        const lastEventId = c.req.header('last-event-id') || c.req.query('last_event_id') || null
        if (lastEventId !== null && !isLogId(lastEventId)) {
          throw new HttpError(400, 'Last-Event-ID must be an event id from this stream, like 1763700000000-0')
        }
        const eventStream = await openEventStream(eventHub, lastEventId).catch((error: unknown) => {
          logger.warn({ err: errorMessage(error) }, 'event stream not opened')
          throw new HttpError(503, 'live events are unavailable (Redis does not answer): try again shortly')
        })
        c.header('x-accel-buffering', 'no')
        return streamSSE(
          c,
          async (stream) => {
            const closed = metrics.eventStreamOpened()
            try {
              await eventStream.run(stream, {
                retryMs: RETRY_MS,
                keepAliveMs: config.EVENTS_KEEPALIVE_S * 1000,
                flushMs: FLUSH_MS,
                maxLifetimeMs: config.EVENTS_MAX_LIFETIME_S * 1000,
              })
            } finally {
              closed()
            }
          },
          async (error) => {
            logger.warn({ err: error.message }, 'event stream ended with an error')
          },
        )
      },
    },
  ]
}
