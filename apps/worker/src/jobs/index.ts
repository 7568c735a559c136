import type { WorkerContext } from '../worker-context.ts'
import { alertDelivery } from './alert-delivery.ts'
import { alertTick } from './alert-tick.ts'
import { expireStaleConnections } from './expire-connections.ts'
import { insightRetention } from './insight-retention.ts'
import type { JobDefinition } from './job-definition.ts'
import { probeGatewayJob } from './probe-gateway.ts'
import { probeRetention, probeRollup } from './probe-history.ts'
import { probeSnapshot } from './probe-snapshot.ts'
import { probeSweep } from './probe-sweep.ts'
import { pruneExpiredSignIns } from './prune-expired-sign-ins.ts'
import { sessionRetention } from './session-retention.ts'
import { sessionSweep } from './session-sweep.ts'
import { tokenRotation } from './token-rotation.ts'
import { tokenRotationSchedule } from './token-rotation-schedule.ts'
import { toolRollup } from './tool-rollup.ts'

/** Every job this worker runs. A new kind of job is one file in this folder and one line here. */
export function createJobDefinitions(ctx: WorkerContext): JobDefinition[] {
  return [
    pruneExpiredSignIns(ctx),
    probeSweep(ctx),
    probeGatewayJob(ctx),
    probeRollup(ctx),
    probeRetention(ctx),
    probeSnapshot(ctx),
    expireStaleConnections(ctx),
    alertDelivery(ctx),
    alertTick(ctx),
    sessionSweep(ctx),
    sessionRetention(ctx),
    toolRollup(ctx),
    insightRetention(ctx),
    tokenRotation(ctx),
    tokenRotationSchedule(ctx),
  ]
}
