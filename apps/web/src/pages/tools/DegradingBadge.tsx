import { TOOL_DEGRADING_RATIO } from '@mc/shared'
import { Badge } from '../../components/Badge.tsx'

/** Marks a tool whose last hour's p95 is at least twice its 7-day p95. */
export function DegradingBadge() {
  return (
    <span title={`p95 over the last hour is ${TOOL_DEGRADING_RATIO}× its 7-day p95 or more`}>
      <Badge variant="warning">Degrading</Badge>
    </span>
  )
}
