import { describe, expect, it } from 'vitest'
import { lowerRole, roleAtLeast } from './roles.ts'

describe('roleAtLeast', () => {
  it('orders viewer < operator < admin', () => {
    expect(roleAtLeast('admin', 'operator')).toBe(true)
    expect(roleAtLeast('operator', 'operator')).toBe(true)
    expect(roleAtLeast('viewer', 'operator')).toBe(false)
    expect(roleAtLeast('operator', 'admin')).toBe(false)
  })
})

describe('lowerRole', () => {
  it('picks the less privileged role, whichever comes first', () => {
    expect(lowerRole('admin', 'operator')).toBe('operator')
    expect(lowerRole('viewer', 'admin')).toBe('viewer')
    expect(lowerRole('operator', 'operator')).toBe('operator')
  })
})
