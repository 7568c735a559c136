import type { GatewayDetailResponse } from '@mc/shared'
import { Card } from '../../../components/Card.tsx'
import { useNowSeconds } from '../../../lib/use-now.ts'
import { GatewayFacts } from '../GatewayFacts.tsx'
import { LastError } from '../LastError.tsx'
import { ProbeStrip } from '../ProbeStrip.tsx'
import { GatewayStats } from './GatewayStats.tsx'

/** The card's facts and strip at full width, the last error in full, then uptime and latency. */
export function GatewayOverview({ detail }: { detail: GatewayDetailResponse }) {
  const { gateway } = detail
  const now = useNowSeconds(5_000)
  return (
    <Card aria-label="Overview" className="space-y-4">
      <GatewayFacts gateway={gateway} now={now} />
      <ProbeStrip probes={detail.recent_probes} />
      <LastError gateway={gateway} wrap />
      <GatewayStats detail={detail} />
    </Card>
  )
}
