import { describe, expect, it } from 'vitest'
import { createSlot } from './slot.ts'

/** A work that runs until `finish()`; `started` says whether it began. */
function held() {
  let finish = () => {}
  const work = {
    started: false,
    finish: () => finish(),
    run: () =>
      new Promise<void>((resolve) => {
        work.started = true
        finish = resolve
      }),
  }
  return work
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('slot', () => {
  it('runs at most its limit at once, the others in turn', async () => {
    const slot = createSlot(2)
    const works = [held(), held(), held(), held()]
    const done = works.map((work) => slot(work.run))
    await settle()
    expect(works.map((work) => work.started)).toEqual([true, true, false, false])
    works[1]?.finish()
    await settle()
    expect(works.map((work) => work.started)).toEqual([true, true, true, false])
    works[0]?.finish()
    await settle()
    expect(works[3]?.started).toBe(true)
    works[2]?.finish()
    works[3]?.finish()
    await Promise.all(done)
  })

  it('lets a waiting work go as soon as its signal aborts, without running it', async () => {
    const slot = createSlot(1)
    const first = held()
    const waiter = held()
    const next = held()
    const stopping = new AbortController()
    const firstDone = slot(first.run)
    const given = slot(waiter.run, stopping.signal)
    const nextDone = slot(next.run)
    stopping.abort()
    await expect(given).rejects.toThrow(/abort/i)
    // The queue went on without it: the next in turn runs once the first ends.
    first.finish()
    await firstDone
    await settle()
    expect(waiter.started).toBe(false)
    expect(next.started).toBe(true)
    next.finish()
    await nextDone
    // An already aborted signal never waits.
    await expect(slot(held().run, stopping.signal)).rejects.toThrow(/abort/i)
  })
})
