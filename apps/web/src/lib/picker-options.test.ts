import { describe, expect, it } from 'vitest'
import { pickerOptions } from './picker-options.ts'

const fleet = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, label: `gw-${i + 1}` }))
const ids = (options: readonly { id: number }[]) => options.map((option) => option.id)

describe('pickerOptions', () => {
  it('lists the first `limit` options in their own order and counts them all', () => {
    const { shown, matches } = pickerOptions(fleet, new Set(), '', 50)
    expect(ids(shown)).toEqual(fleet.slice(0, 50).map((option) => option.id))
    expect(matches).toBe(300)
  })

  it('keeps a chosen option beyond the limit in its place', () => {
    const { shown } = pickerOptions(fleet, new Set([2, 250]), '', 3)
    expect(ids(shown)).toEqual([1, 2, 3, 250])
  })

  it('matches a search anywhere in the label, in any case, trimmed', () => {
    const { shown, matches } = pickerOptions(fleet, new Set([5]), '  GW-29 ', 50)
    expect(ids(shown)).toEqual([29, ...Array.from({ length: 10 }, (_, i) => 290 + i)])
    expect(matches).toBe(11)
  })

  it('leaves out a chosen option the search does not match', () => {
    expect(pickerOptions(fleet, new Set([5]), 'gw-7', 50).shown.some((option) => option.id === 5)).toBe(false)
  })

  it('finds nothing for a search nothing matches', () => {
    expect(pickerOptions(fleet, new Set(), 'prod', 50)).toEqual({ shown: [], matches: 0 })
  })
})
