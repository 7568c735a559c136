import { type GatewayEvent, type GatewaySessionRow, parseSessionsChanged } from '@mc/openclaw'
import { createFloodGauge } from './flood-gauge.ts'

export interface SessionInboxOptions {
  /** Rows waiting for the next flush at most; beyond, rows are dropped and a reload asked for. */
  maxPendingRows: number
  floodWindowMs: number
  /** Events of any kind per window above which the gateway counts as flooding. */
  floodLimit: number
}

const isOlder = (row: GatewaySessionRow, than: GatewaySessionRow) =>
  row.updatedAt !== null && than.updatedAt !== null && row.updatedAt < than.updatedAt

/**
 * What a watcher's connection brought since the last flush: the latest row of each session that
 * changed, and whether the list must be reloaded. Runs for every frame the gateway sends, so it
 * does no more than count the events it does not need; its memory is bounded whatever arrives.
 */
export function createSessionInbox(options: SessionInboxOptions) {
  const pending = new Map<string, GatewaySessionRow>()
  const gauge = createFloodGauge({ windowMs: options.floodWindowMs, limit: options.floodLimit })
  let reloadWanted = false

  return {
    receive(event: GatewayEvent): void {
      gauge.count()
      if (event.event !== 'sessions.changed') return
      const change = parseSessionsChanged(event.payload)
      if (change?.type === 'reload') reloadWanted = true
      if (change?.type !== 'row') return
      const known = pending.get(change.row.key)
      // The gateway sends events out of order: an older row must not replace a newer one waiting
      // here, as storing will not let it replace a newer one stored (equal times: the later wins).
      if (known && isOlder(change.row, known)) return
      if (known || pending.size < options.maxPendingRows) pending.set(change.row.key, change.row)
      else reloadWanted = true
    },
    /** The rows received since the last call, one per session. */
    takeRows(): GatewaySessionRow[] {
      const rows = [...pending.values()]
      pending.clear()
      return rows
    },
    /** Whether a reload was asked for since the last call. */
    takeReload(): boolean {
      const wanted = reloadWanted
      reloadWanted = false
      return wanted
    },
    flooding: () => gauge.flooding(),
  }
}

export type SessionInbox = ReturnType<typeof createSessionInbox>
