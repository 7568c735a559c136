import { styleText } from 'node:util'
import { pino } from 'pino'

interface LogEntry {
  level: number
  time: string
  service?: string
  msg?: string
  /** A message, or pino's serialized Error ({ type, message, stack }). */
  err?: unknown
  [field: string]: unknown
}

/** pino's number for `error`. */
const ERROR_LEVEL = 50

const LEVEL_COLOURS: Record<string, Parameters<typeof styleText>[0]> = {
  FATAL: 'red',
  ERROR: 'red',
  WARN: 'yellow',
  DEBUG: 'gray',
  TRACE: 'gray',
}

/** A field's text can end the line early or fake another: control characters become spaces. */
const oneLine = (text: string) => text.replace(/\p{Cc}+/gu, ' ')

const showValue = (value: unknown) =>
  typeof value === 'string' && /^[^\s"=\\]+$/u.test(value) ? value : oneLine(JSON.stringify(value) ?? '')

function errorMessage(err: unknown): string {
  if (typeof err === 'string') return err
  if (typeof err === 'object' && err !== null && 'message' in err) return String(err.message)
  return JSON.stringify(err) ?? ''
}

/** Where an error was thrown from (the stack's frames), for errors: a warning says enough in one line. */
function stackFrames(entry: LogEntry): string {
  const stack =
    typeof entry.err === 'object' && entry.err !== null && 'stack' in entry.err ? entry.err.stack : ''
  if (entry.level < ERROR_LEVEL || typeof stack !== 'string') return ''
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => `\n    ${oneLine(line.trim())}`)
    .join('')
}

/**
 * One of pino's JSON lines as a short line for a person: local time, level, service, message, the
 * error's message after a colon, then any other fields as `key=value`, e.g.
 * `12:03:04 WARN  api    redis connection error: connect ECONNREFUSED 127.0.0.1:6379`.
 * Redaction happened before: pino wrote the line this reads.
 */
export function prettyLogLine(json: string, options: { colour: boolean }): string {
  const entry = JSON.parse(json) as LogEntry
  const { level, time, service = '', msg = '', err, ...fields } = entry
  const label = (pino.levels.labels[level] ?? String(level)).toUpperCase()
  const colour = options.colour ? LEVEL_COLOURS[label] : undefined
  const levelText = colour ? styleText(colour, label.padEnd(5)) : label.padEnd(5)
  let line = `${new Date(time).toTimeString().slice(0, 8)} ${levelText} ${service.padEnd(6)} ${oneLine(msg)}`
  if (err !== undefined) line += `: ${oneLine(errorMessage(err))}`
  for (const [key, value] of Object.entries(fields)) line += ` ${key}=${showValue(value)}`
  return `${line}${stackFrames(entry)}\n`
}

/** A pino destination that writes `out` short human lines instead of JSON. */
export function prettyLogStream(
  out: pino.DestinationStream,
  options: { colour: boolean },
): pino.DestinationStream {
  return { write: (json) => out.write(prettyLogLine(json, options)) }
}
