import type { ProbeRequest } from '@mc/shared'
import { useState } from 'react'
import { useProbeGateways } from '../../api/gateway-probes.ts'
import type { NoticeMessage } from '../../components/Notice.tsx'
import { describeProbeError, describeProbeResults } from '../../lib/probe-summary.ts'

/**
 * Runs probes and reports each outcome through `onNotice`; `probedAt` says when a manual probe of
 * each gateway last returned, so its card can flash. Several probes may run at once.
 */
export function useProbeRunner(onNotice: (notice: NoticeMessage) => void) {
  const probe = useProbeGateways()
  const [probedAt, setProbedAt] = useState<ReadonlyMap<number, number>>(new Map())

  const run = async (request: ProbeRequest) => {
    try {
      const response = await probe.mutateAsync(request)
      onNotice(describeProbeResults(response, request.id === undefined ? 'all' : 'one'))
      const returned = Date.now()
      setProbedAt((before) => new Map([...before, ...response.results.map((r) => [r.id, returned] as const)]))
    } catch (error) {
      onNotice(describeProbeError(error))
    }
  }
  return { run, probedAt }
}
