import { and, count, eq, inArray, ne, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gateways } from '../schema/gateways.ts'
import { violatedUniqueIndex } from './postgres-errors.ts'

export type GatewayRow = typeof gateways.$inferSelect
type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]

export class DuplicateGatewayNameError extends Error {
  constructor(name: string) {
    super(`a gateway named "${name}" already exists`)
    this.name = 'DuplicateGatewayNameError'
  }
}

export class PrimaryGatewayDeleteError extends Error {
  constructor() {
    super('this is the primary gateway: choose another primary first, then delete it')
    this.name = 'PrimaryGatewayDeleteError'
  }
}

/** Any fixed number: serialises changes of the primary flag across all api replicas. */
const PRIMARY_LOCK_ID = 7_414_895_876

/**
 * Takes the primary lock for this transaction. Concurrent "make X primary" requests then run one
 * after another, each clearing the previous primary, instead of colliding on the unique index.
 */
async function lockPrimary(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${PRIMARY_LOCK_ID})`)
}

async function clearPrimaryExcept(tx: Transaction, id: number | null): Promise<void> {
  await tx
    .update(gateways)
    .set({ isPrimary: false, updatedAt: sql`now()` })
    .where(
      id === null ? eq(gateways.isPrimary, true) : and(eq(gateways.isPrimary, true), ne(gateways.id, id)),
    )
}

function rethrowDuplicateName(error: unknown, name: string | undefined): never {
  if (violatedUniqueIndex(error) === 'gateways_name_lower_key' && name !== undefined) {
    throw new DuplicateGatewayNameError(name)
  }
  throw error
}

export async function findGateway(db: Database, id: number): Promise<GatewayRow | undefined> {
  const [row] = await db.select().from(gateways).where(eq(gateways.id, id))
  return row
}

/** The primary gateway; undefined when none is (an empty registry, or every primary deleted). */
export async function findPrimaryGateway(db: Database): Promise<GatewayRow | undefined> {
  const [row] = await db.select().from(gateways).where(eq(gateways.isPrimary, true))
  return row
}

/** The gateways of `ids` that exist, in no particular order. */
export async function findGateways(db: Database, ids: number[]): Promise<GatewayRow[]> {
  if (ids.length === 0) return []
  return db.select().from(gateways).where(inArray(gateways.id, ids))
}

export async function countGateways(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(gateways)
  return row?.n ?? 0
}

export interface GatewayValues {
  name: string
  host: string
  port: number
  /** Already encrypted; null for none. */
  token: string | null
  isPrimary: boolean
  tlsInsecure?: boolean
  /**
   * A standby's place in line (1 goes first); null or left out: not a standby. The primary may
   * have one too: it is ignored while it is primary and counts once the role has moved away.
   */
  failoverPriority?: number | null
  /** Per-gateway session thresholds in seconds; null or left out: the worker's defaults. */
  sessionIdleS?: number | null
  sessionStuckS?: number | null
  /** Rotate the token automatically every this many days; null or left out: not on a schedule. */
  rotateEveryDays?: number | null
}

/**
 * A token set by hand starts its age now and ends what was known about the one before it: its
 * refused probes and a manual rotation's pending token. No token has no age.
 */
function tokenReset(token: string | null) {
  return {
    tokenSetAt: token === null ? null : sql`now()`,
    tokenMismatches: 0,
    pendingToken: null,
    pendingTokenExpiresAt: null,
  }
}

export async function createGateway(db: Database, values: GatewayValues): Promise<GatewayRow> {
  try {
    return await db.transaction(async (tx) => {
      if (values.isPrimary) {
        await lockPrimary(tx)
        await clearPrimaryExcept(tx, null)
      }
      const [row] = await tx
        .insert(gateways)
        .values({ ...values, ...tokenReset(values.token) })
        .returning()
      if (!row) throw new Error('gateway insert returned nothing')
      return row
    })
  } catch (error) {
    rethrowDuplicateName(error, values.name)
  }
}

/**
 * `token`: undefined keeps it, null clears it, a string (encrypted) replaces it; either resets
 * its age, mismatch count and pending token (see tokenReset).
 */
export type GatewayPatch = Partial<Omit<GatewayValues, 'token'>> & { token?: string | null }

/** Returns the row before and after, for the audit trail; undefined when there is no such gateway. */
export async function updateGateway(
  db: Database,
  id: number,
  patch: GatewayPatch,
): Promise<{ before: GatewayRow; after: GatewayRow } | undefined> {
  try {
    return await db.transaction(async (tx) => {
      if (patch.isPrimary === true) await lockPrimary(tx)
      const [before] = await tx.select().from(gateways).where(eq(gateways.id, id)).for('update')
      if (!before) return undefined
      if (patch.isPrimary === true) await clearPrimaryExcept(tx, id)
      const [after] = await tx
        .update(gateways)
        .set({
          ...patch,
          ...(patch.token === undefined ? {} : tokenReset(patch.token)),
          updatedAt: sql`now()`,
        })
        .where(eq(gateways.id, id))
        .returning()
      if (!after) throw new Error('gateway vanished during update')
      return { before, after }
    })
  } catch (error) {
    rethrowDuplicateName(error, patch.name)
  }
}

/** Deletes a gateway (its probe history goes with it). The primary goes last, or not at all. */
export async function deleteGateway(db: Database, id: number): Promise<GatewayRow | undefined> {
  return db.transaction(async (tx) => {
    await lockPrimary(tx)
    const [row] = await tx.select().from(gateways).where(eq(gateways.id, id)).for('update')
    if (!row) return undefined
    if (row.isPrimary) {
      const [others] = await tx.select({ n: count() }).from(gateways).where(ne(gateways.id, id))
      if ((others?.n ?? 0) > 0) throw new PrimaryGatewayDeleteError()
    }
    await tx.delete(gateways).where(eq(gateways.id, id))
    return row
  })
}

/** A stored token (encrypted): a gateway's current one, or a manual rotation's pending one. */
export interface StoredGatewayToken {
  id: number
  pending: boolean
  token: string
}

/** Every stored token, for re-encrypting them under a new key. */
export async function listGatewayTokens(db: Database): Promise<StoredGatewayToken[]> {
  const rows = await db
    .select({ id: gateways.id, token: gateways.token, pendingToken: gateways.pendingToken })
    .from(gateways)
  return rows.flatMap(({ id, token, pendingToken }) => [
    ...(token === null ? [] : [{ id, pending: false, token }]),
    ...(pendingToken === null ? [] : [{ id, pending: true, token: pendingToken }]),
  ])
}

/** Replaces stored (encrypted) tokens in one transaction: all or nothing. */
export async function replaceGatewayTokens(db: Database, tokens: StoredGatewayToken[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const { id, pending, token } of tokens) {
      await tx
        .update(gateways)
        .set(pending ? { pendingToken: token } : { token })
        .where(eq(gateways.id, id))
    }
  })
}
