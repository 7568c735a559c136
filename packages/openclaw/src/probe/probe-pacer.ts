export interface ProbePacerOptions {
  /** Most probes that may be starting at once, while this process keeps up with them. */
  maxSlots: number
  /**
   * A probe gives its slot up after this long even when it has not finished: by then it waits on
   * a slow or silent gateway, not on this process, and must not hold the others back.
   */
  releaseAfterMs: number
  /**
   * An event-loop delay above this halves the probes starting at once (the process is busy, or the
   * machine gives it too little CPU); each sample at or below it lets one more start, up to maxSlots.
   */
  busyLagMs: number
}

export interface ProbePacer {
  /**
   * Runs `probe` once a slot is free: its clock and deadline start then, not while it queues. The
   * probe may hand its slot on early with `release` (once its handshake is over, the rest of it is
   * a few small frames); it is handed on when the probe ends in any case.
   */
  run<T>(probe: (release: () => void) => Promise<T>): Promise<T>
  /** How many probes may be starting at once right now (the bound after the latest lag sample). */
  slots(): number
}

const LAG_SAMPLE_MS = 5

/**
 * Paces probes within one process. Starting a thousand sockets at once saturates the event loop for
 * a second or two, and a probe's reading (its handshake latency, its deadline) would then include
 * that queueing. So a bounded number start at a time, and fewer while the event loop lags: a probe's
 * frames are then handled as they arrive, and what it measures is the gateway. The bound adapts
 * because the CPU a process gets varies with the machine's load: on a busy machine each probe's work
 * takes longer, and as many at once as on a quiet one would queue behind each other.
 */
export function createProbePacer({ maxSlots, releaseAfterMs, busyLagMs }: ProbePacerOptions): ProbePacer {
  let slots = maxSlots
  let running = 0
  const waiting: (() => void)[] = []
  let sampler: NodeJS.Timeout | undefined
  let sampleDueAt = 0

  const startWaiting = () => {
    while (running < slots && waiting.length > 0) {
      running += 1
      waiting.shift()?.()
    }
    if (running === 0 && waiting.length === 0) {
      clearTimeout(sampler)
      sampler = undefined
    }
  }
  const sampleLag = () => {
    const lag = performance.now() - sampleDueAt
    slots = lag > busyLagMs ? Math.max(1, Math.floor(slots / 2)) : Math.min(maxSlots, slots + 1)
    scheduleSample()
    startWaiting()
  }
  const scheduleSample = () => {
    sampleDueAt = performance.now() + LAG_SAMPLE_MS
    sampler = setTimeout(sampleLag, LAG_SAMPLE_MS).unref()
  }
  const acquire = () => {
    if (!sampler) scheduleSample()
    const turn = new Promise<void>((resolve) => waiting.push(resolve))
    startWaiting()
    return turn
  }

  return {
    slots: () => slots,
    async run(probe) {
      await acquire()
      let held = true
      const release = () => {
        if (!held) return
        held = false
        clearTimeout(timer)
        running -= 1
        startWaiting()
      }
      const timer = setTimeout(release, releaseAfterMs)
      try {
        return await probe(release)
      } finally {
        release()
      }
    },
  }
}
