import { useSyncExternalStore } from 'react'

/**
 * The event stream's state: `live` once the server said `ready`; `connecting` while the
 * browser (re)connects; `down` when it gave up (views poll meanwhile).
 */
export type StreamStatus = 'connecting' | 'live' | 'down'

let status: StreamStatus = 'connecting'
const listeners = new Set<() => void>()

export function getStreamStatus(): StreamStatus {
  return status
}

export function setStreamStatus(next: StreamStatus): void {
  if (next === status) return
  status = next
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useStreamStatus(): StreamStatus {
  return useSyncExternalStore(subscribe, getStreamStatus)
}

/**
 * A `refetchInterval` that polls every `ms` only while the event stream is not up: the stream keeps
 * the cache current, and polling takes over when it drops. Queries evaluate this after each fetch:
 * the stream refetches the views it keeps current when it goes down (so polling starts at once); when it is
 * back, each view stops after its next poll.
 */
export const pollWhileStreamDown = (ms: number) => () => (status === 'live' ? false : ms)
