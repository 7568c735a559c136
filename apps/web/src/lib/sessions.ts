import type { Session, SessionState } from '@mc/shared'
import type { StatusTone } from '../components/StatusIcon.tsx'
import { formatTokens } from './token-usage.ts'

/** Each state's mark: a run under way, ready for work, quiet, a run that stopped moving, gone. */
export const SESSION_STATE_TONE: Record<SessionState, StatusTone> = {
  active: 'pending',
  ready: 'ok',
  idle: 'unknown',
  stuck: 'warn',
  ended: 'stopped',
}

/** What a session is called in lists: its label, else the gateway's key for it. */
export const sessionTitle = (session: Pick<Session, 'label' | 'key'>) => session.label?.trim() || session.key

/** "1,200 / 340" (input / output); "—" when the gateway reported neither. */
export function formatSessionTokens(session: Pick<Session, 'input_tokens' | 'output_tokens'>): string {
  const { input_tokens: input, output_tokens: output } = session
  if (input === null && output === null) return '—'
  const part = (n: number | null) => (n === null ? '—' : formatTokens(n))
  return `${part(input)} / ${part(output)}`
}

const dollars = new Intl.NumberFormat('en', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
})

/** "$0.0213" (estimated by the gateway); "—" when it gave no estimate. */
export const formatCost = (usd: number | null) => (usd === null ? '—' : dollars.format(usd))
