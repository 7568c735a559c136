import os from 'node:os'

/**
 * `BENCH_SMOKE=1`: every bench runs once at a small scale, only to show that it still runs (the
 * fresh-clone suite does this for `npm run bench`); its figures say nothing about the targets.
 */
export const BENCH_SMOKE = process.env.BENCH_SMOKE === '1'

/** `full` normally, `smoke` under BENCH_SMOKE=1. */
export const benchScale = <T>(full: T, smoke: T): T => (BENCH_SMOKE ? smoke : full)

/**
 * How many times a bench measures each figure: enough to see the spread, few enough to stay short.
 * `BENCH_RUNS=1` while working on one figure.
 */
export const BENCH_RUNS = Number(process.env.BENCH_RUNS) || benchScale(3, 1)

if (BENCH_SMOKE)
  console.log('BENCH_SMOKE=1: one short run at a small scale; these figures are not comparable')

export interface Spread {
  min: number
  median: number
  max: number
}

/** The smallest, middle and largest of `samples` (at least one). */
export function spreadOf(samples: readonly number[]): Spread {
  if (samples.length === 0) throw new Error('spreadOf: no samples')
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    min: sorted[0] as number,
    median: sorted[Math.floor((sorted.length - 1) / 2)] as number,
    max: sorted.at(-1) as number,
  }
}

/** `value` at quantile `p` (0–1) of `sorted` (ascending), nearest rank; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] as number
}

/** "min / median / max unit", rounded to `digits` decimals. */
export function formatSpread({ min, median, max }: Spread, unit: string, digits = 0): string {
  const n = (value: number) => value.toFixed(digits)
  return `${n(min)} / ${n(median)} / ${n(max)} ${unit}`
}

/** The machine's 1-minute load average and core count, printed beside every figure. */
export function machineLoad(): string {
  return `load ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores`
}

/** Runs `measure` `runs` times in sequence (never overlapping) and returns each run's figure. */
export async function measureRuns(measure: (run: number) => Promise<number>, runs = BENCH_RUNS) {
  const samples: number[] = []
  for (let run = 0; run < runs; run += 1) samples.push(await measure(run))
  return samples
}
