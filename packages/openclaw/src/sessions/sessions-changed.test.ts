import { describe, expect, it } from 'vitest'
import samples from './fixtures/sessions-changed.json' with { type: 'json' }
import { parseSessionsChanged } from './sessions-changed.ts'

describe('parseSessionsChanged', () => {
  it('reads a keyless update as "reload the list" for its agent', () => {
    expect(parseSessionsChanged(samples.keyless)).toEqual({ type: 'reload', agentId: 'main' })
    expect(parseSessionsChanged({ reason: 'update' })).toEqual({ type: 'reload', agentId: null })
  })

  it('reads the row of a create from `session`', () => {
    expect(parseSessionsChanged(samples.create)).toEqual({
      type: 'row',
      row: expect.objectContaining({
        key: samples.create.sessionKey,
        agentId: 'main',
        label: 'feas-001',
        updatedAt: 1796000867170,
        hasActiveRun: false,
        runStatus: null,
      }),
    })
  })

  it('falls back to the flattened row (keyed by sessionKey) when `session` is not an object', () => {
    expect(typeof samples.runEnd.session).toBe('string')
    expect(parseSessionsChanged(samples.runEnd)).toEqual({
      type: 'row',
      row: expect.objectContaining({
        key: samples.runEnd.sessionKey,
        agentId: 'helper',
        runStatus: 'done',
        endedAt: 1796001210989,
        inputTokens: 30184,
        estimatedCostUsd: 0.09076200000000001,
      }),
    })
  })

  it('reloads rather than blanking a row when a keyed payload carries no row', () => {
    const bare = { sessionKey: 'agent:main:x', agentId: 'main', reason: 'delete', ts: 1 }
    expect(parseSessionsChanged(bare)).toEqual({ type: 'reload', agentId: 'main' })
  })

  it('is null for a payload that is not an object', () => {
    expect(parseSessionsChanged('update')).toBeNull()
    expect(parseSessionsChanged(null)).toBeNull()
  })
})
