import type { StatusTone } from '../components/StatusIcon.tsx'
import { GIVE_UP_AFTER_FAILURES, isActive, type RelaySnapshot } from './relay-snapshot.ts'

/**
 * Where the relay stands, in the one vocabulary the header, the gateway's card and the Current
 * connection box all use. `reconnecting`: it was lost (or failed) and another attempt is
 * coming; `gave-up`: it failed GIVE_UP_AFTER_FAILURES times in a row and waits for Try again;
 * `ended`: the API ended it (gateway deleted, token changed, signed out).
 */
export type RelayStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'gave-up' | 'ended'

export interface RelayStatusLook {
  label: string
  tone: StatusTone
  /** Only while an attempt is under way, never for a state that can last. */
  pulse: boolean
}

/** The same words and marks wherever the relay is shown. */
export const RELAY_STATUS_LOOK: Record<RelayStatus, RelayStatusLook> = {
  idle: { label: 'Not connected', tone: 'unknown', pulse: false },
  connecting: { label: 'Connecting…', tone: 'pending', pulse: true },
  connected: { label: 'Connected', tone: 'ok', pulse: false },
  reconnecting: { label: 'Reconnecting…', tone: 'warn', pulse: false },
  'gave-up': { label: 'Gave up', tone: 'stopped', pulse: false },
  ended: { label: 'Ended', tone: 'stopped', pulse: false },
}

export function relayStatus(snapshot: RelaySnapshot): RelayStatus {
  switch (snapshot.phase) {
    case 'idle':
    case 'gave-up':
    case 'ended':
      return snapshot.phase
    case 'retrying':
      return 'reconnecting'
  }
  if (snapshot.state.isConnected) return 'connected'
  return snapshot.failures > 0 || snapshot.state.error !== null ? 'reconnecting' : 'connecting'
}

/** The relay status as a gateway's card shows it: only on the relayed gateway, null elsewhere. */
export function cardRelayStatus(snapshot: RelaySnapshot, gatewayId: number): RelayStatus | null {
  if (snapshot.gateway?.id !== gatewayId) return null
  const status = relayStatus(snapshot)
  return status === 'idle' ? null : status
}

/** "next attempt in 5 s" while a retry is scheduled (rounded up), "trying again…" once it is due. */
export function reconnectText(reconnectAt: number | null, now: number): string | null {
  if (reconnectAt === null) return null
  const seconds = Math.ceil((reconnectAt - now) / 1000)
  return seconds > 0 ? `next attempt in ${seconds} s` : 'trying again…'
}

/**
 * Where the retrying stands, for the line under the error: "attempt 2 of 6 failed · next attempt in
 * 3 s", or that it stopped; null while connected, idle or ended (nothing is retried then).
 */
export function retryProgress(snapshot: RelaySnapshot, now: number): string | null {
  const status = relayStatus(snapshot)
  if (status === 'gave-up') return `Stopped after ${GIVE_UP_AFTER_FAILURES} failed attempts in a row`
  if (status !== 'reconnecting') return null
  const failed =
    snapshot.failures > 0 ? `attempt ${snapshot.failures} of ${GIVE_UP_AFTER_FAILURES} failed` : null
  return [failed, reconnectText(snapshot.reconnectAt, now)].filter(Boolean).join(' · ') || null
}

/** The upstream's URL while the relay is active; "No active connection" otherwise. */
export function upstreamUrl(snapshot: RelaySnapshot): string {
  return (isActive(snapshot.phase) && snapshot.state.url) || 'No active connection'
}
