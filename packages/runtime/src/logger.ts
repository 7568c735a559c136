import { pino } from 'pino'

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

export function createLogger(options: {
  service: string
  level: string
  destination?: pino.DestinationStream
}) {
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    },
    options.destination,
  )
}
