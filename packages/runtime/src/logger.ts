import { isatty } from 'node:tty'
import { pino } from 'pino'
import type { LogFormat } from './config.ts'
import { prettyLogStream } from './pretty-log.ts'

export type Logger = pino.Logger

/**
 * Paths that may carry secrets anywhere in a log object; pino replaces them. A second line of
 * defence: code never logs request bodies, tokens or keys on purpose.
 */
export const REDACTED_LOG_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
  'secret',
  '*.secret',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
]

/**
 * A logger writing JSON lines (the default) or, with format `pretty`, short human lines; both to
 * stdout unless given a `destination`. Pretty lines are coloured on a terminal unless NO_COLOR is set.
 */
export function createLogger(options: {
  service: string
  level: string
  format?: LogFormat
  destination?: pino.DestinationStream
}) {
  const destination =
    options.format === 'pretty'
      ? prettyLogStream(options.destination ?? pino.destination({ dest: 1, sync: true }), {
          colour: !options.destination && isatty(1) && !process.env.NO_COLOR,
        })
      : options.destination
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    },
    destination,
  )
}
