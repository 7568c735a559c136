import type { GatewayEvent } from '@mc/openclaw'
import { describe, expect, it } from 'vitest'
import { createSessionInbox } from './session-inbox.ts'

const options = { maxPendingRows: 2, floodWindowMs: 10_000, floodLimit: 1000 }
const changed = (key: string, updatedAt: number, status: string): GatewayEvent => ({
  event: 'sessions.changed',
  payload: { sessionKey: key, session: { key, agentId: 'main', updatedAt, status } },
  seq: null,
})

describe('session inbox', () => {
  it('keeps the newest row of each session, whatever order the gateway sends them in', () => {
    const inbox = createSessionInbox(options)
    inbox.receive(changed('a', 20, 'done'))
    inbox.receive(changed('a', 10, 'running'))
    inbox.receive(changed('b', 10, 'running'))
    inbox.receive(changed('b', 10, 'done'))
    expect(inbox.takeRows().map((row) => [row.key, row.runStatus])).toEqual([
      ['a', 'done'],
      ['b', 'done'],
    ])
    expect(inbox.takeRows()).toEqual([])
  })

  it('asks for a reload instead of holding more sessions than its cap', () => {
    const inbox = createSessionInbox(options)
    for (const key of ['a', 'b', 'c']) inbox.receive(changed(key, 1, 'done'))
    inbox.receive(changed('a', 2, 'done'))
    expect(inbox.takeRows().map((row) => [row.key, row.updatedAt])).toEqual([
      ['a', 2],
      ['b', 1],
    ])
    expect(inbox.takeReload()).toBe(true)
    expect(inbox.takeReload()).toBe(false)
  })
})
