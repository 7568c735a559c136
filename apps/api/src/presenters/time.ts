/** A query's unix-seconds bound as a Date. */
export function dateFromUnix(seconds: number | undefined): Date | undefined {
  return seconds === undefined ? undefined : new Date(seconds * 1000)
}
