import { errorMessage } from '@mc/shared'
import { streamSSE } from 'hono/streaming'
import type { RouteDeps } from '../app-deps.ts'
import { isLogId } from '../events/event-hub.ts'
import { openEventStream } from '../events/event-stream.ts'
import { HttpError } from '../http/http-error.ts'
import type { RouteDef } from '../http/route.ts'

const RETRY_MS = 3000
const FLUSH_MS = 100

export function eventRoutes({
  eventHub,
  config,
  logger,
}: Pick<RouteDeps, 'eventHub' | 'config' | 'logger'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/events',
      access: 'viewer',
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
          (stream) =>
            eventStream.run(stream, {
              retryMs: RETRY_MS,
              keepAliveMs: config.EVENTS_KEEPALIVE_S * 1000,
              flushMs: FLUSH_MS,
              maxLifetimeMs: config.EVENTS_MAX_LIFETIME_S * 1000,
            }),
          async (error) => {
            logger.warn({ err: error.message }, 'event stream ended with an error')
          },
        )
      },
    },
  ]
}
