import { describe, expect, it } from 'vitest'
import { AuthThrottle } from './auth-throttle.ts'

describe('AuthThrottle', () => {
  it('follows the real schedule, per address, reset by a success', () => {
    const throttle = new AuthThrottle()
    const delays = Array.from({ length: 7 }, (_, i) => throttle.nextDelayMs('10.0.0.1', 1000 + i))
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000])
    expect(throttle.nextDelayMs('10.0.0.2', 2000)).toBe(250)
    throttle.reset('10.0.0.1')
    expect(throttle.nextDelayMs('10.0.0.1', 3000)).toBe(250)
  })

  it('forgets failures older than 60 s', () => {
    const throttle = new AuthThrottle()
    throttle.nextDelayMs('a', 0)
    expect(throttle.nextDelayMs('a', 30_000)).toBe(500)
    expect(throttle.nextDelayMs('a', 91_000)).toBe(250)
  })
})
