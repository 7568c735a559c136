/** The API speaks unix seconds. */
export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000)
}

export function unixSecondsOrNull(date: Date | null): number | null {
  return date === null ? null : unixSeconds(date)
}
