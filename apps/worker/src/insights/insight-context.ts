import type { ReadCursor, TimelineEventInput } from '@mc/db'
import type { Logger } from '@mc/runtime'
import type { WorkerContext } from '../worker-context.ts'

/** How far gateways' logs and tool calls were read; the watchers of a worker batch these together. */
export interface ReadCursors {
  find(gatewayId: number): Promise<ReadCursor>
  saveLog(gatewayId: number, cursor: number): Promise<void>
}

/** Adds events to a gateway's timeline (see `recordGatewayEvents`); the same batching. */
export type TimelineWriter = (gatewayId: number, events: TimelineEventInput[]) => Promise<void>

/** What the insights of one gateway's connection write with. */
export type InsightContext = Pick<WorkerContext, 'db' | 'alertEvaluator'> & {
  gatewayId: number
  logger: Logger
  cursors: ReadCursors
  timeline: TimelineWriter
}
