import { describe, expect, it } from 'vitest'
import { createCoalescingBatcher } from './coalescing-batcher.ts'

/** A write the test finishes by hand, recording each batch it was given and how many ran at once. */
function heldWrites() {
  const batches: number[][] = []
  const finish: (() => void)[] = []
  let running = 0
  let most = 0
  const settleAll = (inputs: number[]) => {
    batches.push(inputs)
    running += 1
    most = Math.max(most, running)
    return new Promise<PromiseSettledResult<number>[]>((resolve) => {
      finish.push(() => {
        running -= 1
        resolve(
          inputs.map((n) =>
            n < 0
              ? { status: 'rejected', reason: new Error(`bad ${n}`) }
              : { status: 'fulfilled', value: n * 10 },
          ),
        )
      })
    })
  }
  return {
    settleAll,
    batches,
    finishNext: () => finish.shift()?.(),
    most: () => most,
    pending: () => finish.length,
  }
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve))
}

describe('the coalescing batcher', () => {
  it('writes at most maxInFlight batches at once; what arrives meanwhile goes in the next', async () => {
    const writes = heldWrites()
    const submit = createCoalescingBatcher(writes.settleAll, { maxBatch: 2, maxWaitMs: 0, maxInFlight: 1 })
    const answers = [1, 2, 3, 4, 5].map((n) => submit(n))
    await until(() => writes.pending() === 1)
    expect(writes.batches).toEqual([[1, 2]])
    while (writes.batches.length < 3 || writes.pending() > 0) {
      await until(() => writes.pending() === 1)
      writes.finishNext()
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(await Promise.all(answers)).toEqual([10, 20, 30, 40, 50])
    expect(writes.batches).toEqual([[1, 2], [3, 4], [5]])
    expect(writes.most()).toBe(1)
  })

  it('answers each item with its own outcome, and fails only the batch whose write throws', async () => {
    let calls = 0
    const submit = createCoalescingBatcher<number, number>(
      async (inputs) => {
        calls += 1
        if (calls === 1) throw new Error('database unavailable')
        return inputs.map((n) =>
          n < 0 ? { status: 'rejected', reason: new Error(`bad ${n}`) } : { status: 'fulfilled', value: n },
        )
      },
      { maxBatch: 2, maxWaitMs: 0, maxInFlight: 1 },
    )
    const [a, b, c, d] = [submit(1), submit(2), submit(-3), submit(4)]
    await expect(a).rejects.toThrow('database unavailable')
    await expect(b).rejects.toThrow('database unavailable')
    await expect(c).rejects.toThrow('bad -3')
    await expect(d).resolves.toBe(4)
  })

  it('rejects items a write left without an outcome', async () => {
    const submit = createCoalescingBatcher<number, number>(async () => [], { maxWaitMs: 0 })
    await expect(submit(1)).rejects.toThrow('a batch returned too few results')
  })
})
