import { describe, expect, it } from 'vitest'
import { createFloodGauge } from './flood-gauge.ts'

describe('flood gauge', () => {
  it('floods above the limit within a window, and calms after a window under half of it', () => {
    let now = 0
    const gauge = createFloodGauge({ windowMs: 1000, limit: 10, now: () => now })
    for (let n = 0; n < 10; n++) gauge.count()
    expect(gauge.flooding()).toBe(false)
    gauge.count()
    expect(gauge.flooding()).toBe(true)

    now = 1000
    for (let n = 0; n < 6; n++) gauge.count()
    now = 2000
    expect(gauge.flooding()).toBe(true)
    for (let n = 0; n < 5; n++) gauge.count()
    now = 3000
    expect(gauge.flooding()).toBe(false)
  })

  it('calms after a silence longer than a window', () => {
    let now = 0
    const gauge = createFloodGauge({ windowMs: 1000, limit: 1, now: () => now })
    gauge.count()
    gauge.count()
    expect(gauge.flooding()).toBe(true)
    now = 5000
    expect(gauge.flooding()).toBe(false)
  })
})
