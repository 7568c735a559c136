/** Every timer a fake gateway starts, so that `stop()` can prove none is left behind. */
export class TimerSet {
  private readonly timers = new Set<NodeJS.Timeout>()

  later(run: () => void, ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      run()
    }, ms)
    this.timers.add(timer)
    return timer
  }

  repeat(run: () => void, ms: number): NodeJS.Timeout {
    const timer = setInterval(run, ms)
    this.timers.add(timer)
    return timer
  }

  cancel(timer: NodeJS.Timeout | undefined): void {
    if (!timer) return
    clearTimeout(timer)
    this.timers.delete(timer)
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  get size(): number {
    return this.timers.size
  }
}
