import { describe, expect, it } from 'vitest'
import { coalescingRunner } from './coalescing-runner.ts'

const fail = (error: unknown) => {
  throw error
}

describe('coalescingRunner', () => {
  it('runs one batch at a time, merging what arrives meanwhile and keeping the first value per id', async () => {
    const batches: [number, string][][] = []
    let release: () => void = () => {}
    const add = coalescingRunner<string>(async (batch) => {
      batches.push([...batch])
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve))
    }, fail)
    const first = add([[1, 'a']])
    const second = add([
      [2, 'b'],
      [3, 'c'],
    ])
    const third = add([
      [2, 'later'],
      [4, 'd'],
    ])
    release()
    await Promise.all([first, second, third])
    expect(batches).toEqual([
      [[1, 'a']],
      [
        [2, 'b'],
        [3, 'c'],
        [4, 'd'],
      ],
    ])
  })

  it('settles the waiting callers even when a batch fails, and runs the next one', async () => {
    const seen: number[] = []
    const errors: unknown[] = []
    const add = coalescingRunner<null>(
      async (batch) => {
        seen.push(...batch.keys())
        if (batch.has(1)) throw new Error('boom')
      },
      (error) => errors.push(error),
    )
    await expect(add([[1, null]])).resolves.toBeUndefined()
    await add([[2, null]])
    expect(seen).toEqual([1, 2])
    expect(errors).toEqual([new Error('boom')])
  })

  it('with a minimum interval, starts a batch no sooner than that after the last one started', async () => {
    const starts: { at: number; ids: number[] }[] = []
    const add = coalescingRunner<null>(
      async (batch) => {
        starts.push({ at: performance.now(), ids: [...batch.keys()] })
      },
      fail,
      100,
    )
    await add([[1, null]])
    // Both arrive while the interval runs: they wait for it, together.
    await Promise.all([add([[2, null]]), add([[3, null]])])
    expect(starts.map((s) => s.ids)).toEqual([[1], [2, 3]])
    const [first, second] = starts
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(100)
  })

  it('settles a call that adds nothing', async () => {
    const add = coalescingRunner<null>(async () => {}, fail)
    await expect(add([])).resolves.toBeUndefined()
  })
})
