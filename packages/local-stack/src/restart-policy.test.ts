import { describe, expect, it } from 'vitest'
import { createRestartPolicy } from './restart-policy.ts'

describe('the restart policy of npm start', () => {
  it('restarts after 1 s, doubling up to 30 s while the child keeps crashing', () => {
    const policy = createRestartPolicy()
    const delays = Array.from({ length: 8 }, () => policy.afterExit(20_000))
    expect(delays.map((d) => (d.restart ? d.delayMs : null))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ])
  })

  it('starts over at 1 s once a run lasted a while', () => {
    const policy = createRestartPolicy()
    policy.afterExit(20_000)
    policy.afterExit(20_000)
    expect(policy.afterExit(20_000)).toEqual({ restart: true, delayMs: 4000 })
    expect(policy.afterExit(3_600_000)).toEqual({ restart: true, delayMs: 1000 })
    expect(policy.afterExit(20_000)).toEqual({ restart: true, delayMs: 2000 })
  })

  it('gives up on a child that crashes right after starting, five times in a row', () => {
    const policy = createRestartPolicy()
    for (let i = 0; i < 4; i++) expect(policy.afterExit(500)).toMatchObject({ restart: true })
    expect(policy.afterExit(500)).toEqual({ restart: false, crashesAtStart: 5 })
  })

  it('does not count crashes at start that a longer run interrupted', () => {
    const policy = createRestartPolicy()
    for (let i = 0; i < 4; i++) policy.afterExit(500)
    expect(policy.afterExit(15_000)).toMatchObject({ restart: true })
    for (let i = 0; i < 4; i++) expect(policy.afterExit(500)).toMatchObject({ restart: true })
  })
})
