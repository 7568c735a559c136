/**
 * Reads `read()` every `everyMs` until `done` holds; returns when that was, in ms since `startedAt`
 * (performance clock). Past `patienceMs` it fails with `what` and the last reading.
 */
export async function pollUntil<T>(
  what: string,
  startedAt: number,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { everyMs, patienceMs }: { everyMs: number; patienceMs: number },
): Promise<number> {
  for (;;) {
    const value = await read()
    const elapsed = performance.now() - startedAt
    if (done(value)) return elapsed
    if (elapsed > patienceMs)
      throw new Error(`${what}: not within ${patienceMs / 1000} s (${JSON.stringify(value)})`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}
