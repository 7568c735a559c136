import { describe, expect, it } from 'vitest'
import { rendezvousOwner } from './rendezvous.ts'

const ids = Array.from({ length: 1000 }, (_, i) => i + 1)
const owners = (workers: string[]) => ids.map((id) => rendezvousOwner(id, workers))

describe('rendezvousOwner', () => {
  it('picks the same owner whatever the order of the workers', () => {
    expect(owners(['a', 'b', 'c'])).toEqual(owners(['c', 'a', 'b']))
    expect(rendezvousOwner(1, [])).toBeUndefined()
  })

  it('spreads gateways over the workers', () => {
    const counts = new Map<string | undefined, number>()
    for (const owner of owners(['w1', 'w2', 'w3', 'w4'])) counts.set(owner, (counts.get(owner) ?? 0) + 1)
    expect([...counts.keys()].sort()).toEqual(['w1', 'w2', 'w3', 'w4'])
    for (const count of counts.values()) expect(count).toBeGreaterThan(150)
  })

  it('moves only the gateways a joining worker wins', () => {
    const before = owners(['w1', 'w2', 'w3'])
    const after = owners(['w1', 'w2', 'w3', 'w4'])
    const moved = ids.filter((_, i) => before[i] !== after[i])
    expect(moved.length).toBeGreaterThan(0)
    expect(moved.every((id) => after[id - 1] === 'w4')).toBe(true)
  })
})
