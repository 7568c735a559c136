import type { GatewayStatus } from '@mc/shared'
import { and, asc, count, desc, ilike, inArray, or, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gateways } from '../schema/gateways.ts'
import type { GatewayRow } from './gateways.ts'
import { containsPattern } from './like-pattern.ts'

/** The primary first, then by name (case-insensitive), as the Gateway Manager lists them. */
const gatewayOrder = [desc(gateways.isPrimary), asc(sql`lower(${gateways.name})`), asc(gateways.id)]

export async function listGateways(db: Database): Promise<GatewayRow[]> {
  return db
    .select()
    .from(gateways)
    .orderBy(...gatewayOrder)
}

export interface GatewayFilters {
  /** Part of the name or host, case-insensitive. */
  q?: string
  /** Any of these statuses. */
  statuses?: GatewayStatus[]
}

function matching(filters: GatewayFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = []
  if (filters.q !== undefined) {
    const pattern = containsPattern(filters.q)
    conditions.push(or(ilike(gateways.name, pattern), ilike(gateways.host, pattern)))
  }
  if (filters.statuses !== undefined) conditions.push(inArray(gateways.status, filters.statuses))
  return and(...conditions)
}

/**
 * One page of the gateways `filters` match, in list order, with how many match in all and where the
 * next page starts (null after the last).
 */
export async function listGatewayPage(
  db: Database,
  filters: GatewayFilters,
  page: { limit: number; offset: number },
): Promise<{ rows: GatewayRow[]; total: number; nextOffset: number | null }> {
  const where = matching(filters)
  // Counted apart from the page: a count over the page's query would read and sort every match,
  // where the page alone follows the list-order index and stops after `limit` rows.
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(gateways)
      .where(where)
      .orderBy(...gatewayOrder)
      .limit(page.limit)
      .offset(page.offset),
    countMatching(db, where),
  ])
  const end = page.offset + rows.length
  return { rows, total, nextOffset: end < total ? end : null }
}

async function countMatching(db: Database, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(gateways).where(where)
  return row?.n ?? 0
}
