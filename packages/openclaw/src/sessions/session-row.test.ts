import { describe, expect, it } from 'vitest'
import page from './fixtures/sessions-list-page.json' with { type: 'json' }
import { MAX_SESSION_TEXT_LENGTH, parseSessionRow } from './session-row.ts'

const [afterRun, neverRun, otherGateway] = page.sessions

describe('parseSessionRow', () => {
  it('reads a real row after a run: status, times, tokens and cost', () => {
    expect(parseSessionRow(afterRun)).toEqual({
      key: 'agent:helper:dashboard:1b9dcc48-c281-4bcb-ac30-b7bb0ce79e16',
      agentId: 'helper',
      label: 'feas-011',
      kind: 'direct',
      model: 'echo-1',
      modelProvider: 'mock',
      createdAt: 1796000868050,
      updatedAt: 1796001211147,
      lastInteractionAt: 1796001199989,
      hasActiveRun: false,
      runStatus: 'done',
      startedAt: 1796001209568,
      endedAt: 1796001210989,
      inputTokens: 30184,
      outputTokens: 14,
      estimatedCostUsd: 0.09076200000000001,
      archived: false,
    })
  })

  it('never copies message content', () => {
    expect(afterRun).toHaveProperty('lastMessagePreview')
    expect(JSON.stringify(parseSessionRow(afterRun))).not.toContain('please run')
  })

  it('leaves run fields null on a row that never ran', () => {
    expect(parseSessionRow(neverRun)).toMatchObject({
      agentId: 'helper',
      runStatus: null,
      startedAt: null,
      endedAt: null,
      inputTokens: null,
      estimatedCostUsd: null,
      lastInteractionAt: null,
      hasActiveRun: false,
    })
    expect(parseSessionRow(otherGateway)).toMatchObject({ label: 'helper-s1', model: 'gpt-6-astra' })
  })

  it('turns wrong-typed fields into null and derives what it can', () => {
    const row = parseSessionRow({
      key: 'agent:ops:dashboard:1',
      agentId: 42,
      displayName: 'from displayName',
      updatedAt: '2026-01-01',
      inputTokens: Number.NaN,
      hasActiveRun: 'yes',
      archived: 1,
      model: 'm'.repeat(1000),
    })
    expect(row).toMatchObject({
      agentId: 'ops',
      label: 'from displayName',
      updatedAt: null,
      inputTokens: null,
      hasActiveRun: false,
      archived: false,
    })
    expect(row?.model).toHaveLength(MAX_SESSION_TEXT_LENGTH)
    expect(parseSessionRow({ key: 'global' })?.agentId).toBe('unknown')
  })

  it('is null without a usable key', () => {
    for (const raw of [null, 'row', [], {}, { key: '' }, { key: 7 }, { key: 'k'.repeat(1000) }]) {
      expect(parseSessionRow(raw)).toBeNull()
    }
  })
})
