import { describe, expect, it } from 'vitest'
import { createBatcher } from './batcher.ts'

/** A batcher that doubles numbers and records each batch it ran; `release` lets a held batch end. */
function doubler(options: { maxSize: number; sizeOf?: (item: number) => number }) {
  const batches: number[][] = []
  let release = () => {}
  let hold = false
  const run = async (items: number[]) => {
    batches.push(items)
    if (hold) await new Promise<void>((resolve) => (release = resolve))
    if (items.includes(-1)) throw new Error('a bad item')
    return items.map((item) => item * 2)
  }
  return {
    batches,
    double: createBatcher(run, options),
    holdNext: () => (hold = true),
    release: () => {
      hold = false
      release()
    },
  }
}

describe('batcher', () => {
  it('runs the items asked for in one turn as one batch, each caller getting its own answer', async () => {
    const { batches, double } = doubler({ maxSize: 100 })
    const answers = await Promise.all([1, 2, 3, 4].map((item) => double(item)))
    expect(answers).toEqual([2, 4, 6, 8])
    expect(batches).toEqual([[1, 2, 3, 4]])
  })

  it('gathers the items asked for while a batch runs into the next one, in order', async () => {
    const { batches, double, holdNext, release } = doubler({ maxSize: 100 })
    holdNext()
    const first = double(1)
    // The first batch is under way (held) once it has been recorded.
    await new Promise((resolve) => setImmediate(resolve))
    expect(batches).toEqual([[1]])
    const later = [double(2), double(3)]
    release()
    expect(await Promise.all([first, ...later])).toEqual([2, 4, 6])
    expect(batches).toEqual([[1], [2, 3]])
  })

  it('splits a batch at its size, an item bigger than the size going alone', async () => {
    const { batches, double } = doubler({ maxSize: 5, sizeOf: (item) => item })
    await Promise.all([1, 2, 3, 9, 4].map((item) => double(item)))
    expect(batches).toEqual([[1, 2], [3], [9], [4]])
  })

  it('fails every caller of a failing batch, and runs the next batch as usual', async () => {
    const { batches, double } = doubler({ maxSize: 2 })
    const results = await Promise.allSettled([1, -1, 3].map((item) => double(item)))
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'fulfilled'])
    expect(await double(5)).toBe(10)
    expect(batches).toEqual([[1, -1], [3], [5]])
  })
})
