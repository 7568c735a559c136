import {
  ApiRequestError,
  type Gateway,
  type TokenRotationFailure,
  type TokenRotationMode,
  tokenRotationErrorDetailsSchema,
} from '@mc/shared'
import { formatAge } from './time.ts'

/** "just now" for a token set within the minute (a rotation's result), else "12 d ago". */
export function tokenAge(setAt: number, nowS: number): string {
  return nowS - setAt < 60 ? 'just now' : formatAge(nowS - setAt)
}

export const ROTATION_MODE_LABELS: Record<TokenRotationMode, string> = {
  auto: 'automatic',
  manual: 'manual',
}

/** "every 30 days", "every day", or null when the gateway is not on a schedule. */
export function rotationSchedule(gateway: Pick<Gateway, 'rotate_every_days'>): string | null {
  const days = gateway.rotate_every_days
  if (days === null) return null
  return days === 1 ? 'every day' : `every ${days} days`
}

/** "3 probes refused it": probes the gateway refused for a wrong token since it was set. */
export function mismatchesText(count: number): string {
  return `${count} ${count === 1 ? 'probe' : 'probes'} refused it`
}

/** What each failure means for the person who asked, beyond the API's own message. */
const FAILURE_HINTS: Record<TokenRotationFailure, string> = {
  busy: 'Another rotation of this gateway is running: wait for it, then look at the token again.',
  no_token: 'Mission Control has no token for this gateway to log in with: set one by editing it.',
  no_admin_scope:
    'The gateway grants the admin scope only to clients on its own host (loopback). Rotate manually instead: you run one command on the gateway’s host.',
  unreachable: 'Mission Control could not reach or log in to the gateway. It keeps its old token.',
  patch_refused: 'The gateway refused the change. It keeps its old token.',
  verify_failed: 'The gateway took the new token but a probe with it failed, so the old one was put back.',
}

export interface RotationFailure {
  /** The API's message. */
  message: string
  reason: TokenRotationFailure | null
  hint: string | null
  /** A manual rotation would work where this automatic one cannot. */
  suggestManual: boolean
}

/** A failed rotation as the dialog tells it: the API's message, and its reason when the API gave one. */
export function rotationFailure(error: unknown, message: string): RotationFailure {
  const parsed =
    error instanceof ApiRequestError ? tokenRotationErrorDetailsSchema.safeParse(error.details) : null
  if (!parsed?.success) return { message, reason: null, hint: null, suggestManual: false }
  const { reason, suggest } = parsed.data
  return {
    message,
    reason,
    hint: FAILURE_HINTS[reason],
    suggestManual: suggest === 'manual' || reason === 'no_admin_scope',
  }
}
