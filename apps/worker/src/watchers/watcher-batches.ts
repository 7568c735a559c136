import {
  applySessionRowsOfGateways,
  type Database,
  databaseNow,
  endMissingSessionsOfGateways,
  findGatewayProbeTargets,
  findReadCursors,
  type GatewaySessionRow,
  recordEventsOfGateways,
  recordWatcherStatuses,
  type SessionRowInput,
  type SessionThresholds,
  saveLogCursors,
  type TimelineEventInput,
  type WatcherStatusInput,
} from '@mc/db'
import type { ReadCursors, TimelineWriter } from '../insights/insight-context.ts'
import { createBatcher } from './batcher.ts'

/**
 * Gateways per statement at most. A worker taking 5,000 gateways over writes their statuses in ten
 * statements; one statement of 500 rows stays far below a statement timeout.
 */
const GATEWAYS_PER_STATEMENT = 500
/** Session rows, or timeline events, per statement at most (a gateway's own may be more: they go alone). */
const ROWS_PER_STATEMENT = 1000

export type WatchTarget = Awaited<ReturnType<typeof findGatewayProbeTargets>>[number]

export interface WatcherBatchSettings {
  thresholds: SessionThresholds
  /** The timeline's cap per gateway and minute (see `recordGatewayEvents`). */
  eventsPerMinute: number
}

const perGateway = { maxSize: GATEWAYS_PER_STATEMENT }
const perRow = <I>(sizeOf: (item: I) => number) => ({ maxSize: ROWS_PER_STATEMENT, sizeOf })
const nothingEach = (items: unknown[]) => items.map(() => undefined)

/**
 * The statements the watchers of one worker run, batched across them (see `createBatcher`): one
 * statement each, a worker starting thousands of watchers queued them behind its database pool, each
 * write a commit of its own, and loaded about 50 gateways a second. Empty writes run nothing.
 */
export function createWatcherBatches(db: Database, settings: WatcherBatchSettings) {
  const now = createBatcher(async (asks: null[]) => {
    const at = await databaseNow(db)
    return asks.map(() => at)
  }, perGateway)
  const findCursor = createBatcher((ids: number[]) => findReadCursors(db, ids), perGateway)
  const saveCursor = createBatcher(async (cursors: { gatewayId: number; cursor: number }[]) => {
    await saveLogCursors(db, cursors)
    return nothingEach(cursors)
  }, perGateway)
  const applyRows = createBatcher(
    (entries: { gatewayId: number; rows: SessionRowInput[] }[]) =>
      applySessionRowsOfGateways(db, entries, settings.thresholds),
    perRow((entry) => entry.rows.length),
  )
  const endMissing = createBatcher(
    (loads: { gatewayId: number; presentKeys: string[]; loadStartedAt: Date }[]) =>
      endMissingSessionsOfGateways(db, loads),
    perRow((load) => load.presentKeys.length + 1),
  )
  const recordEvents = createBatcher(
    async (timelines: { gatewayId: number; events: TimelineEventInput[] }[]) => {
      await recordEventsOfGateways(db, timelines, settings.eventsPerMinute)
      return nothingEach(timelines)
    },
    perRow((timeline) => timeline.events.length),
  )
  const cursors: ReadCursors = {
    find: findCursor,
    saveLog: (gatewayId, cursor) => saveCursor({ gatewayId, cursor }),
  }
  const timeline: TimelineWriter = async (gatewayId, events) => {
    if (events.length > 0) await recordEvents({ gatewayId, events })
  }

  return {
    /** The database's clock (one reading serves every watcher that asked meanwhile). */
    databaseNow: () => now(null),
    /** Where and how to connect to a gateway (its token encrypted); undefined once it is deleted. */
    findTarget: createBatcher(async (ids: number[]) => {
      const found = new Map((await findGatewayProbeTargets(db, ids)).map((target) => [target.id, target]))
      return ids.map((id) => found.get(id))
    }, perGateway),
    recordStatus: createBatcher(async (statuses: WatcherStatusInput[]) => {
      await recordWatcherStatuses(db, statuses)
      return nothingEach(statuses)
    }, perGateway),
    /** See `applySessionRows`. */
    async applySessionRows(gatewayId: number, rows: SessionRowInput[]): Promise<GatewaySessionRow[]> {
      return rows.length === 0 ? [] : applyRows({ gatewayId, rows })
    },
    /** See `endMissingSessions`. */
    endMissingSessions: (gatewayId: number, presentKeys: string[], loadStartedAt: Date) =>
      endMissing({ gatewayId, presentKeys, loadStartedAt }),
    cursors,
    timeline,
  }
}

export type WatcherBatches = ReturnType<typeof createWatcherBatches>
