import type { Gateway } from '@mc/shared'
import { Badge } from '../../components/Badge.tsx'
import { formatDateTime } from '../../lib/time.ts'
import { mismatchesText, ROTATION_MODE_LABELS, rotationSchedule, tokenAge } from '../../lib/token-state.ts'

/** The hover text: when it was set and last rotated, its schedule, a pending token's expiry. */
function tokenTitle(gateway: Gateway): string {
  const lines: string[] = []
  if (gateway.token_set_at !== null) lines.push(`Set ${formatDateTime(gateway.token_set_at)}`)
  if (gateway.token_rotated_at !== null && gateway.token_rotation_mode !== null) {
    lines.push(
      `Last rotated ${formatDateTime(gateway.token_rotated_at)} (${ROTATION_MODE_LABELS[gateway.token_rotation_mode]})`,
    )
  }
  const schedule = rotationSchedule(gateway)
  if (schedule) lines.push(`Rotated automatically ${schedule}`)
  if (gateway.token_pending_expires_at !== null) {
    lines.push(`A new token waits for the gateway until ${formatDateTime(gateway.token_pending_expires_at)}`)
  }
  return lines.join('\n')
}

/**
 * The card's token fact, one line: "Token: set 12 d ago", STALE past TOKEN_MAX_AGE_DAYS, "new token
 * pending" after a manual rotation, and the probes a wrong token got refused; details on hover.
 */
export function TokenFact({ gateway, now }: { gateway: Gateway; now: number }) {
  if (!gateway.token_set) {
    return <span data-field="token">Token: None</span>
  }
  return (
    <span
      data-field="token"
      title={tokenTitle(gateway) || undefined}
      className="inline-flex items-center gap-1.5"
    >
      <span data-field="token-age">
        Token: {gateway.token_set_at === null ? 'Set' : `set ${tokenAge(gateway.token_set_at, now)}`}
      </span>
      {gateway.token_stale && <Badge variant="warning">Stale</Badge>}
      {gateway.token_pending_expires_at !== null && (
        <span data-field="token-pending">· new token pending</span>
      )}
      {gateway.token_mismatches > 0 && (
        <span data-field="token-mismatches" className="text-amber-400">
          · {mismatchesText(gateway.token_mismatches)}
        </span>
      )}
    </span>
  )
}
