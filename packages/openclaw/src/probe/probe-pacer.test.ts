import { describe, expect, it } from 'vitest'
import { createProbePacer } from './probe-pacer.ts'

/** Probes that run until let go, counting how many run at once. */
function heldProbes() {
  let running = 0
  let most = 0
  const letGo: (() => void)[] = []
  return {
    probe: (release: () => void = () => {}) => {
      running += 1
      most = Math.max(most, running)
      return new Promise<void>((resolve) => {
        letGo.push(() => {
          running -= 1
          resolve()
        })
      }).finally(release)
    },
    letAllGo: async () => {
      while (letGo.length > 0) {
        letGo.shift()?.()
        await new Promise((resolve) => setImmediate(resolve))
      }
    },
    started: () => letGo.length,
    most: () => most,
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('the probe pacer', () => {
  it('runs at most maxSlots probes at once and starts the next as one ends', async () => {
    const pacer = createProbePacer({ maxSlots: 3, releaseAfterMs: 60_000, busyLagMs: 60_000 })
    const probes = heldProbes()
    const all = Promise.all(Array.from({ length: 7 }, () => pacer.run(() => probes.probe())))
    await settle()
    expect(probes.started()).toBe(3)
    await probes.letAllGo()
    await all
    expect(probes.most()).toBe(3)
  })

  it('hands a slot on when the probe releases it, before the probe ends', async () => {
    const pacer = createProbePacer({ maxSlots: 1, releaseAfterMs: 60_000, busyLagMs: 60_000 })
    const order: string[] = []
    let finishFirst = () => {}
    const first = pacer.run(async (release) => {
      order.push('first starts')
      release()
      await new Promise<void>((resolve) => {
        finishFirst = resolve
      })
      order.push('first ends')
    })
    const second = pacer.run(async () => {
      order.push('second starts')
    })
    await second
    finishFirst()
    await first
    expect(order).toEqual(['first starts', 'second starts', 'first ends'])
  })

  it('starts fewer at once while the event loop lags', async () => {
    // Every sample counts as lagging, so the bound halves with each one.
    const pacer = createProbePacer({ maxSlots: 8, releaseAfterMs: 60_000, busyLagMs: -1 })
    const warmUp = heldProbes()
    const first = pacer.run(() => warmUp.probe())
    // However late the samples come on a busy machine, the bound shrinks with each one.
    while (pacer.slots() > 1) await new Promise((resolve) => setTimeout(resolve, 5))
    const probes = heldProbes()
    const all = Promise.all(Array.from({ length: 8 }, () => pacer.run(() => probes.probe())))
    await warmUp.letAllGo()
    await first
    await settle()
    expect(probes.started()).toBeLessThanOrEqual(2)
    await probes.letAllGo()
    await all
    expect(probes.most()).toBeLessThanOrEqual(2)
  })
})
