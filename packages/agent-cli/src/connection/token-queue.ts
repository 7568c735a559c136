import { heartbeatRequestSchema } from '@mc/shared'

export interface TokenUsage {
  input: number
  output: number
  model: string
}

const MAX_COUNT = 2 ** 31 - 1

/**
 * Token usage waiting to ride on the next heartbeats. A heartbeat carries one model's usage, so
 * reports are summed per model and sent one model per heartbeat; a report stays queued until the
 * heartbeat carrying it is acknowledged.
 */
export class TokenQueue {
  readonly #pending: TokenUsage[] = []

  /** Throws a TypeError for counts the API would refuse (negative, fractional, too big, no model). */
  add(usage: TokenUsage): void {
    const parsed = heartbeatRequestSchema.safeParse({ connection_id: 'validation', tokens: usage })
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      throw new TypeError(`invalid token usage (${issues.join('; ')})`)
    }
    if (usage.input === 0 && usage.output === 0) return
    const entry = this.#pending.find(
      (e) =>
        e.model === usage.model && e.input + usage.input <= MAX_COUNT && e.output + usage.output <= MAX_COUNT,
    )
    if (entry) {
      entry.input += usage.input
      entry.output += usage.output
    } else {
      this.#pending.push({ ...usage })
    }
  }

  get size(): number {
    return this.#pending.length
  }

  /** A copy of what the next heartbeat should carry, if anything. */
  peek(): TokenUsage | undefined {
    const first = this.#pending[0]
    return first && { ...first }
  }

  /** Removes what a heartbeat delivered; reports added while it was in flight stay queued. */
  acknowledge(sent: TokenUsage): void {
    const entry = this.#pending.find((e) => e.model === sent.model)
    if (!entry) return
    entry.input -= Math.min(entry.input, sent.input)
    entry.output -= Math.min(entry.output, sent.output)
    if (entry.input === 0 && entry.output === 0) this.#pending.splice(this.#pending.indexOf(entry), 1)
  }
}
