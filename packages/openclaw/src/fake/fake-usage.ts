import { DEFAULT_AGENT_ID, type FakeSessionRow } from './fake-world.ts'

/** What a test says one session used (totals over all its activity). */
export interface FakeUsageEntry {
  inputTokens: number
  outputTokens: number
  costUsd: number
  /** Epoch ms of the latest activity; default when set. */
  lastActivityAt?: number
}

export interface UsageQuery {
  agentId?: string
  agentScope?: 'all'
  key?: string
  startDate?: string
  endDate?: string
  limit?: number
}

const DEFAULT_LIMIT = 50
const DAY_MS = 86_400_000

/**
 * Per-session usage behind `sessions.usage` and `usage.cost`, with the real cache's behaviour: after a
 * change, the first call answers zeros with `cacheStatus.status: "refreshing"` and starts a refresh;
 * answers are fresh once it is done (`settle()`, which the fake calls after `usageRefreshMs`).
 */
export class FakeUsage {
  private readonly entries = new Map<string, Required<FakeUsageEntry>>()
  private stale = false
  private refreshing = false
  private refreshedAt = Date.now()

  set(key: string, entry: FakeUsageEntry): void {
    this.entries.set(key, { ...entry, lastActivityAt: entry.lastActivityAt ?? Date.now() })
    this.stale = true
  }

  /** Adds a run's tokens and cost to the session's totals. */
  add(key: string, run: Omit<FakeUsageEntry, 'lastActivityAt'> & { at: number }): void {
    const known = this.entries.get(key)
    this.set(key, {
      inputTokens: (known?.inputTokens ?? 0) + run.inputTokens,
      outputTokens: (known?.outputTokens ?? 0) + run.outputTokens,
      costUsd: (known?.costUsd ?? 0) + run.costUsd,
      lastActivityAt: run.at,
    })
  }

  /** The refresh is done: answers are fresh until the next change. */
  settle(): void {
    this.stale = false
    this.refreshing = false
    this.refreshedAt = Date.now()
  }

  /**
   * Whether this call finds the cache stale; the first such call starts a refresh (`startRefresh` is
   * called once per refresh).
   */
  private checkCache(startRefresh: () => void): boolean {
    if (!this.stale) return false
    if (!this.refreshing) {
      this.refreshing = true
      startRefresh()
    }
    return true
  }

  sessionsUsage(query: UsageQuery, rows: FakeSessionRow[], startRefresh: () => void) {
    const stale = this.checkCache(startRefresh)
    const { startDate, endDate } = dateRange(query)
    const inRange = (at: number) => at >= Date.parse(startDate) && at < Date.parse(endDate) + DAY_MS
    const agentOf = (row: FakeSessionRow) =>
      query.agentScope === 'all' || row.agentId === (query.agentId ?? DEFAULT_AGENT_ID)
    const sessions = rows
      .filter((row) => (query.key ? row.key === query.key : agentOf(row)))
      .flatMap((row) => {
        const entry = this.entries.get(row.key)
        return entry && inRange(entry.lastActivityAt) ? [{ row, entry }] : []
      })
      .slice(0, query.limit ?? DEFAULT_LIMIT)
      .map(({ row, entry }) => ({
        key: row.key,
        label: row.label,
        sessionId: row.sessionId,
        updatedAt: row.updatedAt,
        agentId: row.agentId,
        modelProvider: row.modelProvider,
        model: row.model,
        usage: stale ? null : usageOf(entry),
      }))
    const totals = sum(stale ? [] : sessions.flatMap(({ usage }) => (usage ? [usage] : [])))
    return {
      updatedAt: Date.now(),
      startDate,
      endDate,
      sessions,
      totals,
      cacheStatus: this.cacheStatus(stale),
    }
  }

  usageCost(startRefresh: () => void) {
    const stale = this.checkCache(startRefresh)
    const entries = stale ? [] : [...this.entries.values()]
    const days = new Map<string, ReturnType<typeof usageOf>[]>()
    for (const entry of entries) {
      const date = new Date(entry.lastActivityAt).toISOString().slice(0, 10)
      days.set(date, [...(days.get(date) ?? []), usageOf(entry)])
    }
    const daily = [...days]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, usages]) => ({ date, ...sum(usages) }))
    return {
      updatedAt: Date.now(),
      days: 30,
      daily,
      totals: sum(entries.map(usageOf)),
      cacheStatus: this.cacheStatus(stale),
    }
  }

  private cacheStatus(stale: boolean) {
    return stale
      ? {
          status: 'refreshing',
          cachedFiles: 0,
          pendingFiles: this.entries.size,
          staleFiles: this.entries.size,
        }
      : {
          status: 'fresh',
          cachedFiles: this.entries.size,
          pendingFiles: 0,
          staleFiles: 0,
          refreshedAt: this.refreshedAt,
        }
  }
}

function usageOf(entry: Required<FakeUsageEntry>) {
  return {
    input: entry.inputTokens,
    output: entry.outputTokens,
    cacheRead: 0,
    cacheWrite: 0,
    totalTokens: entry.inputTokens + entry.outputTokens,
    totalCost: entry.costUsd,
    lastActivity: entry.lastActivityAt,
  }
}

function sum(usages: ReturnType<typeof usageOf>[]) {
  const add = (field: 'input' | 'output' | 'totalTokens' | 'totalCost') =>
    usages.reduce((total, usage) => total + usage[field], 0)
  return {
    input: add('input'),
    output: add('output'),
    cacheRead: 0,
    cacheWrite: 0,
    totalTokens: add('totalTokens'),
    totalCost: add('totalCost'),
  }
}

/** The asked range, else the real default: the 30 days up to today (UTC). */
function dateRange(query: UsageQuery): { startDate: string; endDate: string } {
  const today = new Date().toISOString().slice(0, 10)
  const endDate = query.endDate ?? today
  const startDate = query.startDate ?? new Date(Date.parse(endDate) - 29 * DAY_MS).toISOString().slice(0, 10)
  return { startDate, endDate }
}
