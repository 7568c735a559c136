import type { Gateway } from '@mc/shared'
import { useState } from 'react'
import { useRole } from '../../../auth/use-role.ts'
import { Badge } from '../../../components/Badge.tsx'
import { Button } from '../../../components/Button.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { Stat } from '../../../components/Stat.tsx'
import { formatAge, formatDateTime } from '../../../lib/time.ts'
import { ROTATION_MODE_LABELS, rotationSchedule, tokenAge } from '../../../lib/token-state.ts'
import { useNowSeconds } from '../../../lib/use-now.ts'
import { RotateTokenDialog } from '../RotateTokenDialog.tsx'

const WARN = 'text-amber-400'

/** How old the token is, against TOKEN_MAX_AGE_DAYS. */
function TokenAgeStat({ gateway, now }: { gateway: Gateway; now: number }) {
  const setAt = gateway.token_set_at
  return (
    <Stat
      id="token-age"
      label="Token set"
      value={!gateway.token_set ? 'No token' : setAt === null ? 'Unknown' : tokenAge(setAt, now)}
      valueClassName={gateway.token_stale ? WARN : undefined}
      hint={
        gateway.token_stale
          ? 'Stale: older than the maximum age, rotate it'
          : setAt === null
            ? undefined
            : formatDateTime(setAt)
      }
    />
  )
}

/**
 * The gateway's token, never shown: its age (stale past TOKEN_MAX_AGE_DAYS), the last rotation and
 * how it was done, the schedule, a manual rotation's pending token and the probes a wrong token got
 * refused; admins rotate it from here.
 */
export function TokenPanel({ gateway }: { gateway: Gateway }) {
  const { can } = useRole()
  const [rotating, setRotating] = useState(false)
  const now = useNowSeconds(5_000)
  const schedule = rotationSchedule(gateway)
  return (
    <Panel
      id="token-heading"
      title="Token"
      badge={gateway.token_stale && <Badge variant="warning">Stale</Badge>}
      description="The token Mission Control logs in to the gateway with; rotating it replaces it on both sides."
      actions={
        can('admin') && (
          <Button disabled={!gateway.token_set} onClick={() => setRotating(true)}>
            Rotate token
          </Button>
        )
      }
    >
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
        <TokenAgeStat gateway={gateway} now={now} />
        <Stat
          id="token-rotated"
          label="Last rotation"
          value={gateway.token_rotated_at === null ? 'Never' : formatAge(now - gateway.token_rotated_at)}
          hint={
            gateway.token_rotated_at !== null && gateway.token_rotation_mode !== null
              ? `${ROTATION_MODE_LABELS[gateway.token_rotation_mode]} · ${formatDateTime(gateway.token_rotated_at)}`
              : undefined
          }
        />
        <Stat
          id="token-schedule"
          label="Schedule"
          value={schedule ?? 'Off'}
          valueClassName="first-letter:uppercase"
          hint={schedule ? 'automatic rotation' : 'set it by editing the gateway'}
        />
        <Stat
          id="token-pending"
          label="New token pending"
          value={gateway.token_pending_expires_at === null ? 'None' : 'Waiting'}
          hint={
            gateway.token_pending_expires_at === null
              ? undefined
              : `until ${formatDateTime(gateway.token_pending_expires_at)}`
          }
        />
        <Stat
          id="token-mismatches"
          label="Refused probes"
          value={gateway.token_mismatches}
          valueClassName={gateway.token_mismatches > 0 ? WARN : undefined}
          hint="wrong token, since it was set"
        />
      </div>
      {rotating && <RotateTokenDialog gateway={gateway} onClose={() => setRotating(false)} />}
    </Panel>
  )
}
