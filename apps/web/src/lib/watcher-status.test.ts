import type { GatewayWatcher } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { watcherLine } from './watcher-status.ts'

const NOW = 1_800_000_000
const watcher = (fields: Partial<GatewayWatcher> = {}): GatewayWatcher => ({
  worker_id: 'worker-1',
  status: 'watching',
  error: null,
  throttled_since: null,
  loaded_at: NOW - 120,
  changed_at: NOW - 300,
  ...fields,
})
const withToken = { token_set: true }

describe('watcherLine', () => {
  it('says a gateway without a token is not watched, whatever a stale status row says', () => {
    expect(watcherLine({ token_set: false }, watcher(), NOW)).toEqual({
      tone: 'stopped',
      text: 'Not watched: the gateway has no token',
    })
  })

  it('waits for a worker while none watches the gateway', () => {
    expect(watcherLine(withToken, null, NOW).text).toBe('Waiting for a worker to watch this gateway')
  })

  it('names the worker and when the list was loaded while watching live', () => {
    expect(watcherLine(withToken, watcher(), NOW)).toEqual({
      tone: 'ok',
      text: 'Watched live by worker worker-1, loaded 2 min ago',
      warning: undefined,
    })
    expect(watcherLine(withToken, watcher({ loaded_at: null }), NOW).text).toBe(
      'Watched live by worker worker-1',
    )
  })

  it('shows a reconnect with its reason, and a connect under way', () => {
    expect(
      watcherLine(withToken, watcher({ status: 'reconnecting', error: 'connection refused' }), NOW),
    ).toMatchObject({
      tone: 'warn',
      text: 'Worker worker-1 is reconnecting (connection refused); shown as last seen',
    })
    expect(watcherLine(withToken, watcher({ status: 'connecting' }), NOW)).toMatchObject({
      tone: 'pending',
      text: 'Worker worker-1 is connecting',
    })
  })

  it('warns when the gateway floods events and they are throttled', () => {
    expect(watcherLine(withToken, watcher({ throttled_since: NOW - 90 }), NOW).warning).toBe(
      'Throttled for 1 min 30 s: the gateway floods events',
    )
  })
})
