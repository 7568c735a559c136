import type { Gateway, GatewayWatcher } from '@mc/shared'
import type { StatusTone } from '../components/StatusIcon.tsx'
import { formatAge, formatDuration } from './time.ts'

export interface WatcherLine {
  tone: StatusTone
  text: string
  /** Said after the line, e.g. that the gateway floods events. */
  warning?: string
}

/**
 * How a gateway's sessions are followed, in one line for its page: which worker watches them live,
 * or why the list may be behind (no token, no worker yet, reconnecting, throttled).
 */
export function watcherLine(
  gateway: Pick<Gateway, 'token_set'>,
  watcher: GatewayWatcher | null,
  now: number,
): WatcherLine {
  if (!gateway.token_set) {
    return { tone: 'stopped', text: 'Not watched: the gateway has no token' }
  }
  if (!watcher) return { tone: 'unknown', text: 'Waiting for a worker to watch this gateway' }
  const warning =
    watcher.throttled_since === null
      ? undefined
      : `Throttled for ${formatDuration(now - watcher.throttled_since)}: the gateway floods events`
  switch (watcher.status) {
    case 'connecting':
      return { tone: 'pending', text: `Worker ${watcher.worker_id} is connecting`, warning }
    case 'watching': {
      const loaded = watcher.loaded_at === null ? '' : `, loaded ${formatAge(now - watcher.loaded_at)}`
      return { tone: 'ok', text: `Watched live by worker ${watcher.worker_id}${loaded}`, warning }
    }
    case 'reconnecting':
      return {
        tone: 'warn',
        text: `Worker ${watcher.worker_id} is reconnecting${watcher.error ? ` (${watcher.error})` : ''}; shown as last seen`,
        warning,
      }
  }
}
