import { describe, expect, it } from 'vitest'
import { useFakeGateways } from '../testing/fake-gateways.ts'
import { probeGateway } from './probe-gateway.ts'
import { createProbePacer } from './probe-pacer.ts'

// Whether a probe's latency and deadline include its wait for a slot, told apart by hundreds of ms:
// a busy machine adds tens, so these hold under load and fail when the clock starts too early.
const TOKEN = 'paced-token-7e21'
const HELLO_DELAY_MS = 300
const fakeGateway = useFakeGateways(TOKEN)

/** One probe at a time, each holding its slot to the end, as on a process that cannot keep up. */
const oneAtATime = () => createProbePacer({ maxSlots: 1, releaseAfterMs: 60_000, busyLagMs: 60_000 })

describe('a paced probe', () => {
  it('records the gateway’s answer time, not the time it queued for a slot', async () => {
    const fake = await fakeGateway({ methodDelaysMs: { connect: HELLO_DELAY_MS } })
    const pacer = oneAtATime()
    const readings = await Promise.all(
      [1, 2, 3].map(() =>
        pacer.run(() => probeGateway(fake.target(), { clientVersion: 'test', timeoutMs: 30_000 })),
      ),
    )
    // Counted from the queue, the third would record about 3 × 300 ms.
    for (const reading of readings) {
      expect(reading.status).toBe('online')
      expect(reading.latencyMs).toBeGreaterThanOrEqual(HELLO_DELAY_MS)
      expect(reading.latencyMs).toBeLessThan(2 * HELLO_DELAY_MS)
    }
  })

  it('starts its deadline when it gets its slot', async () => {
    const silent = await fakeGateway({ mode: 'blackhole' })
    const healthy = await fakeGateway({ methodDelaysMs: { connect: HELLO_DELAY_MS } })
    const pacer = oneAtATime()
    const timeoutMs = 3 * HELLO_DELAY_MS
    const [first, second] = await Promise.all(
      [silent, healthy].map((fake) =>
        pacer.run(() => probeGateway(fake.target(), { clientVersion: 'test', timeoutMs })),
      ),
    )
    // Behind a black hole that used its whole deadline, a shared deadline would have run out.
    expect(first?.status).toBe('timeout')
    expect(second?.status).toBe('online')
  })
})
