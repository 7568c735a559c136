import { idTextSchema } from '@mc/shared'
import { useState } from 'react'
import { useParams } from 'react-router'
import { useProbesInFlight } from '../../../api/gateway-probes.ts'
import { useGatewayDetail } from '../../../api/gateways.ts'
import { useRole } from '../../../auth/use-role.ts'
import { Badge } from '../../../components/Badge.tsx'
import { Notice, type NoticeMessage } from '../../../components/Notice.tsx'
import { Page } from '../../../components/Page.tsx'
import { isNotFound, PendingPage } from '../../../components/PendingPage.tsx'
import { NotFoundPage } from '../../NotFoundPage.tsx'
import { GatewayStatusIcon, GatewayStatusLabel } from '../GatewayStatus.tsx'
import { ProbeButton } from '../ProbeButton.tsx'
import { RelayButton } from '../RelayButton.tsx'
import { useProbeRunner } from '../use-probe-runner.ts'
import { AuthFailuresPanel } from './AuthFailuresPanel.tsx'
import { GatewayOverview } from './GatewayOverview.tsx'
import { GatewaySessionsPanel } from './GatewaySessionsPanel.tsx'
import { LatencyPanel } from './LatencyPanel.tsx'
import { ProbeLogPanel } from './ProbeLogPanel.tsx'
import { TimelinePanel } from './TimelinePanel.tsx'
import { TokenPanel } from './TokenPanel.tsx'

const BACK = { to: '/gateways', label: 'Gateways' }

/** A gateway id from the URL: a positive integer the database can hold, else null. */
function parseId(param: string | undefined): number | null {
  const result = idTextSchema.safeParse(param ?? '')
  return result.success ? result.data : null
}

/**
 * `/gateways/:id`: one gateway's status, uptime, its token, sessions, latency over the day, its probe history,
 * the events it sent and the handshakes it refused.
 */
export function GatewayPage() {
  const { id: param } = useParams()
  const id = parseId(param)
  const detail = useGatewayDetail(id)
  const { can } = useRole()
  const [notice, setNotice] = useState<NoticeMessage | null>(null)
  const prober = useProbeRunner(setNotice)
  const inFlight = useProbesInFlight()

  if (id === null || isNotFound(detail.error)) {
    return (
      <NotFoundPage
        title="Gateway not found"
        message={`There is no gateway with id ${param ?? ''}: it may have been deleted.`}
      />
    )
  }
  if (!detail.data) {
    return <PendingPage title="Gateway" back={BACK} query={detail} errorTitle="Could not load this gateway" />
  }

  const { gateway } = detail.data
  const probing = inFlight.all || inFlight.ids.has(gateway.id)
  return (
    <Page
      title={gateway.name}
      back={BACK}
      badges={
        <>
          <GatewayStatusIcon status={gateway.status} />
          <GatewayStatusLabel status={gateway.status} />
          {gateway.is_primary === 1 && <Badge variant="primary">Primary</Badge>}
        </>
      }
      actions={
        can('operator') && (
          <>
            <RelayButton gateway={gateway} />
            <ProbeButton
              label="Probe"
              target={gateway.name}
              probing={probing}
              onClick={() => prober.run({ id: gateway.id })}
            />
          </>
        )
      }
    >
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <GatewayOverview detail={detail.data} />
      <TokenPanel gateway={gateway} />
      <GatewaySessionsPanel gateway={gateway} />
      <LatencyPanel gatewayId={gateway.id} />
      <ProbeLogPanel gatewayId={gateway.id} />
      <TimelinePanel gatewayId={gateway.id} />
      <AuthFailuresPanel gatewayId={gateway.id} />
    </Page>
  )
}
