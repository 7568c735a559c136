// The real gateway answers a wrong token late on purpose, later for each failure from one address.
const SCHEDULE_MS = [250, 500, 1000, 2000, 4000]
const LATER_FAILURE_MS = 5000
const WINDOW_MS = 60_000

/** Per-address failed-login delays: 250, 500, 1000, 2000, 4000, then 5000 ms within 60 s. */
export class AuthThrottle {
  private readonly failures = new Map<string, { count: number; at: number }>()

  /** Counts one failure and returns how long (unscaled) to wait before answering it. */
  nextDelayMs(address: string, now = Date.now()): number {
    const previous = this.failures.get(address)
    const count = previous && now - previous.at <= WINDOW_MS ? previous.count : 0
    this.failures.set(address, { count: count + 1, at: now })
    return SCHEDULE_MS[count] ?? LATER_FAILURE_MS
  }

  /** A successful login resets the schedule for its address. */
  reset(address: string): void {
    this.failures.delete(address)
  }
}
