import type { TimelineEventInput } from '@mc/db'
import { createToolCallTracker, type FinishedToolCall, type GatewayEvent, summarizeEvent } from '@mc/openclaw'

export interface InsightInboxOptions {
  /** Timeline events held until the next flush; beyond, they are only counted per type and minute. */
  maxPendingEvents: number
  /** Finished tool calls held until the next flush; beyond, the oldest are dropped (a backfill may find them). */
  maxPendingCalls: number
}

// Type × minute counters of the events beyond `maxPendingEvents`: a few event types per minute.
const MAX_COUNTED_GROUPS = 1000

/**
 * What a watcher's connection brought for the gateway's insights since the last flush: its events
 * summarised for the timeline, and the tool calls they finished. Runs for every frame the gateway
 * sends, so it only summarises and counts; its memory is bounded whatever arrives.
 */
export function createInsightInbox(options: InsightInboxOptions) {
  const tracker = createToolCallTracker()
  let events: TimelineEventInput[] = []
  let counted = new Map<string, TimelineEventInput & { count: number }>()
  let calls: FinishedToolCall[] = []
  let droppedCalls = 0

  function countBeyond(event: TimelineEventInput): void {
    const minute = Math.floor(event.at / 60_000) * 60_000
    const key = `${event.type}\n${minute}`
    const known = counted.get(key)
    if (known) known.count += 1
    else if (counted.size < MAX_COUNTED_GROUPS) counted.set(key, { ...event, at: minute, count: 1 })
  }

  return {
    receive(event: GatewayEvent): void {
      const entry = summarizeEvent(event)
      if (entry && events.length < options.maxPendingEvents) events.push(entry)
      else if (entry) countBeyond(entry)
      for (const call of tracker.receive(event)) {
        if (calls.length >= options.maxPendingCalls) {
          calls.shift()
          droppedCalls += 1
        }
        calls.push(call)
      }
    },
    /** The timeline events since the last call: one by one, then the counted ones (`count` > 1). */
    takeEvents(): TimelineEventInput[] {
      const taken = [...events, ...counted.values()]
      events = []
      counted = new Map()
      return taken
    },
    /** Calls that could not be stored go back before the ones received since (the oldest go first if full). */
    putBack(failed: FinishedToolCall[]): void {
      const merged = [...failed, ...calls]
      const excess = Math.max(0, merged.length - options.maxPendingCalls)
      droppedCalls += excess
      calls = merged.slice(excess)
    },
    /** The finished calls since the last call, and how many were dropped for want of room. */
    takeCalls(): { calls: FinishedToolCall[]; dropped: number } {
      const taken = { calls, dropped: droppedCalls }
      calls = []
      droppedCalls = 0
      return taken
    },
  }
}

export type InsightInbox = ReturnType<typeof createInsightInbox>
