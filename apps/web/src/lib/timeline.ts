import type { GatewayEventRow } from '@mc/shared'

const pad = (n: number) => String(n).padStart(2, '0')

/** A `datetime-local` input's value ("2026-05-01T14:03") as unix seconds; blank or invalid: none. */
export function sinceFromInput(value: string): number | undefined {
  if (value.trim() === '') return undefined
  const ms = new Date(value).getTime()
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000)
}

/** Unix seconds as a `datetime-local` input's value, in local time. */
export function inputFromSince(since: number | undefined): string {
  if (since === undefined) return ''
  const d = new Date(since * 1000)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** What a stored row stands for: "" for one event, "×240, sampled" for a minute of a flood kept as one. */
export function sampledLabel(event: Pick<GatewayEventRow, 'count' | 'sampled'>): string {
  if (!event.sampled) return event.count > 1 ? `×${event.count}` : ''
  return `×${event.count.toLocaleString('en')}, sampled`
}
