import { describe, expect, it } from 'vitest'
import samples from './fixtures/sessions-usage.json' with { type: 'json' }
import { readSessionsUsage, type UsageClient } from './sessions-usage.ts'

function usage(answer: unknown) {
  const calls: unknown[] = []
  const client: UsageClient = {
    request: async (_method, params) => {
      calls.push(params)
      return answer
    },
  }
  return { client, calls }
}

describe('readSessionsUsage', () => {
  it('reads a real fresh answer for all agents', async () => {
    const { client, calls } = usage(samples.fresh)
    expect(await readSessionsUsage(client)).toEqual({
      fresh: true,
      sessions: [
        {
          sessionKey: 'agent:main:dashboard:21ce237b-312d-4ef2-946b-ba07ce3ef82e',
          agentId: 'main',
          model: 'echo-1',
          provider: 'mock',
          inputTokens: 24949,
          outputTokens: 14,
          costUsd: 0.075057,
          lastActivityAt: 1796001126071,
        },
      ],
    })
    expect(calls).toEqual([{ agentScope: 'all', limit: 1000 }])
  })

  it('asks for one UTC day', async () => {
    const { client, calls } = usage(samples.fresh)
    await readSessionsUsage(client, { day: '2026-11-30' })
    expect(calls).toEqual([
      { agentScope: 'all', limit: 1000, startDate: '2026-11-30', endDate: '2026-11-30', mode: 'utc' },
    ])
    await expect(readSessionsUsage(client, { day: '30/11/2026' })).rejects.toThrow(RangeError)
  })

  it('gives no numbers while the cache refreshes (it answers zeros then)', async () => {
    const cold = { ...samples.fresh, cacheStatus: samples.cold.cacheStatus }
    expect(await readSessionsUsage(usage(cold).client)).toEqual({ fresh: false, sessions: [] })
  })

  it('skips rows without a key or usage and rejects an answer without sessions', async () => {
    const rows = {
      sessions: [
        { key: 'agent:ops:x', usage: null },
        { usage: {} },
        { key: 'agent:ops:y', usage: { input: -1 } },
      ],
    }
    expect(await readSessionsUsage(usage(rows).client)).toEqual({
      fresh: true,
      sessions: [
        expect.objectContaining({
          sessionKey: 'agent:ops:y',
          agentId: 'ops',
          inputTokens: 0,
          lastActivityAt: null,
        }),
      ],
    })
    await expect(readSessionsUsage(usage({}).client)).rejects.toMatchObject({ kind: 'protocol' })
  })
})
