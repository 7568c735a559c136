import type { StatusTone } from '../components/StatusDot.tsx'
import { isActive, type LiveSnapshot } from './live-session.ts'

/** How the live connection reads at a glance: its words, its dot, and whether the dot pulses. */
export interface ConnectionLook {
  label: 'Connected' | 'Connecting…' | 'Disconnected'
  tone: StatusTone
  pulse: boolean
}

/** The seed's green "Connected" / pulsing red "Disconnected", plus an amber first "Connecting…". */
export function connectionLook(snapshot: LiveSnapshot): ConnectionLook {
  if (snapshot.state.isConnected) return { label: 'Connected', tone: 'ok', pulse: false }
  if (snapshot.phase === 'connecting' && snapshot.state.error === null) {
    return { label: 'Connecting…', tone: 'warn', pulse: true }
  }
  return { label: 'Disconnected', tone: 'error', pulse: true }
}

/** "reconnecting in 5s" while a retry is scheduled (rounded up), "reconnecting…" once it is due. */
export function reconnectText(reconnectAt: number | null, now: number): string | null {
  if (reconnectAt === null) return null
  const seconds = Math.ceil((reconnectAt - now) / 1000)
  return seconds > 0 ? `reconnecting in ${seconds}s` : 'reconnecting…'
}

/** The upstream's URL while a session is active; the seed's "No active connection" otherwise. */
export function connectionUrl(snapshot: LiveSnapshot): string {
  return (isActive(snapshot.phase) && snapshot.state.url) || 'No active connection'
}

/** What a gateway's card shows about the live session: `connected`, `connecting`, or nothing. */
export type CardLiveStatus = 'connected' | 'connecting' | null

export function cardLiveStatus(snapshot: LiveSnapshot, gatewayId: number): CardLiveStatus {
  if (snapshot.gateway?.id !== gatewayId || !isActive(snapshot.phase)) return null
  return snapshot.state.isConnected ? 'connected' : 'connecting'
}
