export interface FloodGaugeOptions {
  /** Events counted together. */
  windowMs: number
  /** More events than this within one window: flooding. */
  limit: number
  now?: () => number
}

/**
 * Counts a gateway's events per window. It turns `flooding` as soon as a window goes over the
 * limit, and calm again after a whole window under half of it (so a gateway at the limit does not
 * flip at every window).
 */
export function createFloodGauge(options: FloodGaugeOptions) {
  const now = options.now ?? Date.now
  let windowStart = now()
  let count = 0
  let flooding = false

  /** Closes the windows that have run out; a closed quiet window calms a flooding gauge. */
  function roll(at: number): void {
    if (at - windowStart < options.windowMs) return
    const quiet = at - windowStart >= 2 * options.windowMs ? true : count <= options.limit / 2
    if (flooding && quiet) flooding = false
    windowStart = at
    count = 0
  }

  return {
    count(): void {
      roll(now())
      count += 1
      if (count > options.limit) flooding = true
    },
    /** Whether the gauge is flooding now (it calms down as time passes without events). */
    flooding(): boolean {
      roll(now())
      return flooding
    },
  }
}
