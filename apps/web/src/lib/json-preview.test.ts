import { describe, expect, it } from 'vitest'
import { isFailureAction, KNOWN_AUDIT_ACTIONS } from './audit-actions.ts'
import { jsonPreview } from './json-preview.ts'

describe('jsonPreview', () => {
  it('shows short values whole, on one line', () => {
    expect(jsonPreview({ role: 'viewer', disabled: false })).toBe('{"role":"viewer","disabled":false}')
    expect(jsonPreview('text')).toBe('"text"')
  })

  it('cuts long values with an ellipsis at the limit', () => {
    const preview = jsonPreview({ reason: 'x'.repeat(100) }, 20)
    expect(preview).toHaveLength(20)
    expect(preview.endsWith('…')).toBe(true)
  })
})

describe('isFailureAction', () => {
  it('flags failed and rejected authentication only', () => {
    expect(KNOWN_AUDIT_ACTIONS.filter(isFailureAction)).toEqual([
      'auth.login_failed',
      'auth.api_key_rejected',
    ])
  })
})
