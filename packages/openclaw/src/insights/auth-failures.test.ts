import { describe, expect, it } from 'vitest'
import { type LogsClient, parseAuthFailureLine, tailAuthFailures } from './auth-failures.ts'
import sample from './fixtures/logs-tail-auth-failures.json' with { type: 'json' }

function logs(answer: Record<string, unknown>) {
  const calls: unknown[] = []
  const client: LogsClient = {
    request: async (_method, params) => {
      calls.push(params)
      return answer
    },
  }
  return { client, calls }
}

describe('tailAuthFailures', () => {
  it('counts each real failed handshake once, from its structured entry', async () => {
    const { client, calls } = logs(sample.payload)
    const page = await tailAuthFailures(client, 604967)
    expect(calls).toEqual([{ cursor: 604967, limit: 1000, maxBytes: 250_000 }])
    expect(page).toEqual({
      cursor: 610181,
      reset: false,
      truncated: false,
      failures: [
        { at: Date.parse('2026-11-30T01:06:14.773+00:00'), address: '127.0.0.1', reason: 'token_mismatch' },
        { at: Date.parse('2026-11-30T01:06:15.297+00:00'), address: '127.0.0.1', reason: 'token_mismatch' },
      ],
    })
  })

  it('starts at the log’s end without counting old lines', async () => {
    const { client, calls } = logs(sample.payload)
    expect(await tailAuthFailures(client, null)).toEqual({
      cursor: 610181,
      reset: false,
      truncated: false,
      failures: [],
    })
    expect(calls).toEqual([{ limit: 1, maxBytes: 4096 }])
  })

  it('says truncated when the page is full or the gateway skipped bytes, and passes reset on', async () => {
    expect(await tailAuthFailures(logs(sample.payload).client, 1, { limit: 4 })).toMatchObject({
      truncated: true,
    })
    const skipped = { ...sample.payload, lines: [], truncated: true, reset: true }
    expect(await tailAuthFailures(logs(skipped).client, 1)).toMatchObject({ truncated: true, reset: true })
  })

  it('rejects an answer without a cursor', async () => {
    await expect(tailAuthFailures(logs({ lines: [] }).client, 0)).rejects.toMatchObject({ kind: 'protocol' })
  })
})

describe('parseAuthFailureLine', () => {
  it('ignores the text line, other lines and junk', () => {
    const [textLine] = sample.payload.lines
    expect(parseAuthFailureLine(textLine)).toBeNull()
    expect(parseAuthFailureLine('{"handshake":"failed"')).toBeNull()
    expect(parseAuthFailureLine(42)).toBeNull()
    const timeout = JSON.stringify({
      1: { handshake: 'failed', cause: 'handshake-timeout', remoteAddr: '10.0.0.1' },
    })
    expect(parseAuthFailureLine(timeout)).toBeNull()
  })
})
