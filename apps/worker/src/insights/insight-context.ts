import type { Logger } from '@mc/runtime'
import type { WorkerContext } from '../worker-context.ts'

/** What the insights of one gateway's connection write with. */
export type InsightContext = Pick<WorkerContext, 'db' | 'alertEvaluator'> & {
  gatewayId: number
  logger: Logger
}
