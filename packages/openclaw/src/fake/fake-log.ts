/** `logs.tail` params, as the real schema bounds them. */
export interface LogTailQuery {
  cursor?: number
  limit?: number
  maxBytes?: number
}

export const FAKE_LOG_FILE = '/fake/state/logs/openclaw.jsonl'
const DEFAULT_LIMIT = 500
const DEFAULT_MAX_BYTES = 250_000
// Older lines are forgotten (the file's size, hence cursors, still counts them).
const MAX_KEPT_LINES = 10_000

/**
 * The gateway's JSONL log file, in memory, and `logs.tail` read the way the real gateway reads it:
 * byte cursors; with no cursor, or more than `maxBytes` past it, reading starts `maxBytes` before the
 * end (`truncated`, and `reset` when a cursor was given); only the last `limit` lines are returned;
 * the next cursor is always the end.
 */
export class FakeLog {
  private lines: { start: number; text: string }[] = []
  private size = 0

  append(text: string): void {
    this.lines.push({ start: this.size, text })
    this.size += Buffer.byteLength(text) + 1
    if (this.lines.length > MAX_KEPT_LINES) this.lines.splice(0, this.lines.length - MAX_KEPT_LINES)
  }

  tail(query: LogTailQuery) {
    const limit = query.limit ?? DEFAULT_LIMIT
    const maxBytes = query.maxBytes ?? DEFAULT_MAX_BYTES
    const { size } = this
    let start = Math.max(0, size - maxBytes)
    let truncated = start > 0
    let reset = false
    if (query.cursor !== undefined) {
      reset = query.cursor > size || size - query.cursor > maxBytes
      if (!reset) start = query.cursor
      truncated = reset && start > 0
    }
    // A line cut by `start` is dropped, as the real reader drops a partial first line.
    const lines = this.lines.filter((line) => line.start >= start).map((line) => line.text)
    return { file: FAKE_LOG_FILE, cursor: size, size, lines: lines.slice(-limit), truncated, reset }
  }
}
