/**
 * How long a test waits for something that will happen before it calls it never. Only a safety
 * net: a wait ends as soon as its condition holds, so a long one costs nothing when things work,
 * and a busy 2-core machine (CI, or a suite running beside other work) can be 10× slower than a
 * quiet one. Kept apart from `eventually` so that vitest configs can read it.
 */
export const PATIENCE_MS = 30_000
