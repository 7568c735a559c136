import type { Gateway } from '@mc/shared'
import { useState } from 'react'
import { useLastFailover } from '../../api/failovers.ts'
import { usePrimaryGateway } from '../../api/gateways.ts'
import { useRole } from '../../auth/use-role.ts'
import { Button } from '../../components/Button.tsx'
import { errorMessage } from '../../lib/error-message.ts'
import { lastFailoverText } from '../../lib/failovers.ts'
import { useNowSeconds } from '../../lib/use-now.ts'
import { FailoverDialog } from './FailoverDialog.tsx'

interface FailoverSectionProps {
  /** How many gateways are registered. */
  fleetSize: number
  /** After a failover by hand: the gateway that is primary now. */
  onFailedOver: (gateway: Gateway) => void
}

/**
 * The primary role's latest move (live: a `gateway.failover` event asks for it again) and, for
 * admins, "Fail over now" while there is a primary and another gateway to take over.
 */
export function FailoverSection({ fleetSize, onFailedOver }: FailoverSectionProps) {
  const last = useLastFailover()
  const primary = usePrimaryGateway().data
  const { can } = useRole()
  const now = useNowSeconds(5_000)
  // Open while this holds the primary it was opened for. The dialog names the live primary, but
  // stays open when there briefly is none: during a failover the cached first row stops being
  // primary before the new one arrives, and a dialog that closed then lost its request's answer.
  const [askingFrom, setAskingFrom] = useState<Gateway | null>(null)
  const text = last.isError
    ? `Could not load the last failover: ${errorMessage(last.error)}`
    : last.data === undefined
      ? 'Loading the last failover…'
      : lastFailoverText(last.data, now)

  return (
    <section
      aria-label="Failover"
      className="flex flex-wrap items-center justify-between gap-2 rounded-lg border bg-card px-4 py-2.5"
    >
      <p className="min-w-0 text-muted-foreground text-xs">
        <span className="font-medium text-foreground">Last failover: </span>
        <span data-testid="last-failover" data-kind={last.data?.kind ?? 'none'} className="break-words">
          {text}
        </span>
      </p>
      {can('admin') && primary && fleetSize > 1 && (
        <Button className="h-7" onClick={() => setAskingFrom(primary)}>
          Fail over now
        </Button>
      )}
      {askingFrom && (
        <FailoverDialog
          primary={primary ?? askingFrom}
          onCancel={() => setAskingFrom(null)}
          onDone={(gateway) => {
            setAskingFrom(null)
            onFailedOver(gateway)
          }}
        />
      )}
    </section>
  )
}
