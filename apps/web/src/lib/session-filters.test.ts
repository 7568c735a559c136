import { describe, expect, it } from 'vitest'
import {
  isFiltered,
  liveCount,
  sessionFiltersFrom,
  sessionFiltersSearch,
  sessionsPath,
} from './session-filters.ts'

const from = (query: string) => sessionFiltersFrom(new URLSearchParams(query))

describe('session filters in the URL', () => {
  it('reads every filter', () => {
    expect(from('gateway_id=7&agent=main&state=stuck&q=report')).toEqual({
      gateway_id: 7,
      agent: 'main',
      state: 'stuck',
      q: 'report',
    })
    expect(from('state=all').state).toBe('all')
    expect(from('state=ended').state).toBe('ended')
  })

  it('drops what the API would refuse: unknown states, ids that are no ids, blank text', () => {
    expect(from('gateway_id=abc&state=sleeping&agent=%20&q=')).toEqual({
      gateway_id: undefined,
      agent: undefined,
      state: undefined,
      q: undefined,
    })
    expect(from('gateway_id=0').gateway_id).toBeUndefined()
    expect(from('gateway_id=1e3').gateway_id).toBeUndefined()
  })

  it('writes only what is set and reads back what it wrote, text as typed (a search box follows it)', () => {
    const filters = { gateway_id: 3, agent: 'ops', state: 'idle' as const, q: 'nightly ' }
    const search = sessionFiltersSearch(filters)
    expect(search.toString()).toBe('gateway_id=3&agent=ops&state=idle&q=nightly+')
    expect(sessionFiltersFrom(search)).toEqual(filters)
    expect(sessionFiltersSearch({ q: '  ', agent: '' }).toString()).toBe('')
  })

  it('links to the page with the filters', () => {
    expect(sessionsPath({})).toBe('/sessions')
    expect(sessionsPath({ state: 'stuck' })).toBe('/sessions?state=stuck')
    expect(sessionsPath({ gateway_id: 12, q: 'a b' })).toBe('/sessions?gateway_id=12&q=a+b')
  })

  it('tells a narrowed list from the default one, and sums the live states', () => {
    expect(isFiltered(from(''))).toBe(false)
    expect(isFiltered(from('state=idle'))).toBe(true)
    expect(liveCount({ active: 1, ready: 2, idle: 3, stuck: 4 })).toBe(10)
  })
})
