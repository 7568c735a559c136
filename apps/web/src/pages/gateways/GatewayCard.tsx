import type { Gateway, Incident, Probe } from '@mc/shared'
import { Link } from 'react-router'
import { Badge } from '../../components/Badge.tsx'
import { cx } from '../../lib/class-names.ts'
import { useFlash } from '../../lib/use-flash.ts'
import { useCardRelayStatus } from '../../relay/use-relay.ts'
import { IncidentLinkBadge } from '../incidents/IncidentLinkBadge.tsx'
import { type GatewayActions, GatewayCardActions } from './GatewayCardActions.tsx'
import { GatewayFacts } from './GatewayFacts.tsx'
import { GatewayStatusIcon, GatewayStatusLabel } from './GatewayStatus.tsx'
import { LastError } from './LastError.tsx'
import { ProbeStrip } from './ProbeStrip.tsx'
import { RelayBadge } from './RelayBadge.tsx'

interface GatewayCardProps extends GatewayActions {
  gateway: Gateway
  /** Its latest probes, newest first; undefined while loading. */
  probes: readonly Probe[] | undefined
  /** Unix seconds, for ages. */
  now: number
  probing: boolean
  busy: boolean
  /** When a manual probe of it last returned: a change makes the card flash. */
  probedAt: number | undefined
  /** Its open or acknowledged incident, if it has one. */
  incident: Incident | undefined
}

/**
 * The seed's GatewayCard: status, name, PRIMARY or STANDBY #n, the relay status when it is the gateway
 * being watched, its incident, the facts line, the probe strip and the actions.
 */
export function GatewayCard({
  gateway,
  probes,
  now,
  probing,
  busy,
  probedAt,
  incident,
  ...actions
}: GatewayCardProps) {
  const flashing = useFlash(`${gateway.status}|${probedAt ?? ''}`)
  const relay = useCardRelayStatus(gateway.id)
  return (
    <article
      aria-label={gateway.name}
      data-gateway={gateway.name}
      data-status={gateway.status}
      data-primary={gateway.is_primary === 1}
      data-standby={gateway.failover_priority ?? ''}
      data-relay={relay ?? 'none'}
      className={cx(
        'rounded-lg border bg-card p-4 transition-shadow duration-700',
        relay === 'connected' && 'border-green-500/30 bg-green-500/5',
        flashing && 'shadow-[0_0_0_2px] shadow-primary/60',
      )}
    >
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2">
        <div className="flex min-w-0 max-w-full flex-wrap items-center gap-2">
          <GatewayStatusIcon status={gateway.status} />
          <h3 className="min-w-0 truncate font-semibold text-sm">
            <Link to={`/gateways/${gateway.id}`} className="hover:text-primary hover:underline">
              {gateway.name}
            </Link>
          </h3>
          <GatewayStatusLabel status={gateway.status} />
          {gateway.is_primary === 1 && <Badge variant="primary">Primary</Badge>}
          {gateway.is_primary === 0 && gateway.failover_priority !== null && (
            <Badge>Standby #{gateway.failover_priority}</Badge>
          )}
          <RelayBadge status={relay} />
          <IncidentLinkBadge incident={incident} />
        </div>
        <GatewayCardActions gateway={gateway} probing={probing} busy={busy} {...actions} />
      </div>
      <div className="mt-1.5">
        <GatewayFacts gateway={gateway} now={now} />
      </div>
      <div className="mt-2.5 flex min-w-0 items-center gap-3">
        <ProbeStrip probes={probes} className="shrink-0" />
        <LastError gateway={gateway} className="min-w-0 flex-1" />
      </div>
    </article>
  )
}
