import { and, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gateways } from '../schema/gateways.ts'
import type { GatewayRow } from './gateways.ts'

/** A rotation that has held its gateway this long died with its process: another may start. */
export const ROTATION_LOCK_TIMEOUT_S = 120

/** No rotation runs, or the one marked died with its process long ago. */
const rotationFree = or(
  isNull(gateways.tokenRotatingSince),
  lt(gateways.tokenRotatingSince, sql`now() - make_interval(secs => ${ROTATION_LOCK_TIMEOUT_S})`),
)

/**
 * Marks a rotation of the gateway as running: false when one already is (and has not been
 * abandoned for ROTATION_LOCK_TIMEOUT_S), so that of two concurrent rotations one wins.
 */
export async function tryStartRotation(db: Database, gatewayId: number): Promise<boolean> {
  const started = await db
    .update(gateways)
    .set({ tokenRotatingSince: sql`now()` })
    .where(and(eq(gateways.id, gatewayId), rotationFree))
    .returning({ id: gateways.id })
  return started.length > 0
}

export async function finishRotation(db: Database, gatewayId: number): Promise<void> {
  await db.update(gateways).set({ tokenRotatingSince: null }).where(eq(gateways.id, gatewayId))
}

/**
 * Stores a token the gateway is known to take (an automatic rotation verified by a probe), as
 * the current one: its age starts now, the mismatch count and any pending token go.
 */
export async function storeRotatedToken(
  db: Database,
  gatewayId: number,
  encryptedToken: string,
  mode: 'auto' | 'manual',
): Promise<GatewayRow | undefined> {
  const [row] = await db
    .update(gateways)
    .set({
      token: encryptedToken,
      tokenSetAt: sql`now()`,
      tokenRotatedAt: sql`now()`,
      tokenRotationMode: mode,
      tokenMismatches: 0,
      pendingToken: null,
      pendingTokenExpiresAt: null,
      updatedAt: sql`now()`,
    })
    .where(eq(gateways.id, gatewayId))
    .returning()
  return row
}

/** A manual rotation's token, waiting for the gateway's owner to apply it. Replaces an earlier one. */
export async function setPendingToken(
  db: Database,
  gatewayId: number,
  encryptedToken: string,
  ttlHours: number,
): Promise<GatewayRow | undefined> {
  const [row] = await db
    .update(gateways)
    .set({
      pendingToken: encryptedToken,
      pendingTokenExpiresAt: sql`now() + make_interval(hours => ${ttlHours})`,
      updatedAt: sql`now()`,
    })
    .where(eq(gateways.id, gatewayId))
    .returning()
  return row
}

/**
 * Makes the pending token the current one, if it is still the one that was tried (a newer manual
 * rotation in between keeps waiting for its own).
 */
export async function promotePendingToken(
  db: Database,
  gatewayId: number,
  triedEncryptedToken: string,
): Promise<GatewayRow | undefined> {
  const [row] = await db
    .update(gateways)
    .set({
      token: gateways.pendingToken,
      tokenSetAt: sql`now()`,
      tokenRotatedAt: sql`now()`,
      tokenRotationMode: 'manual',
      tokenMismatches: 0,
      pendingToken: null,
      pendingTokenExpiresAt: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(gateways.id, gatewayId), eq(gateways.pendingToken, triedEncryptedToken)))
    .returning()
  return row
}

/** Drops the pending tokens past their expiry: the gateways they belonged to (for the audit log). */
export async function expirePendingTokens(db: Database): Promise<{ id: number; name: string }[]> {
  return db
    .update(gateways)
    .set({ pendingToken: null, pendingTokenExpiresAt: null, updatedAt: sql`now()` })
    .where(and(isNotNull(gateways.pendingToken), lt(gateways.pendingTokenExpiresAt, sql`now()`)))
    .returning({ id: gateways.id, name: gateways.name })
}

/** The gateway's pending token (encrypted) while it has not expired: what a refused probe tries next. */
export async function findUnexpiredPendingToken(db: Database, gatewayId: number): Promise<string | null> {
  const [row] = await db
    .select({ pendingToken: gateways.pendingToken })
    .from(gateways)
    .where(and(eq(gateways.id, gatewayId), gt(gateways.pendingTokenExpiresAt, sql`now()`)))
  return row?.pendingToken ?? null
}

/** One more probe refused for a wrong token. */
export async function countTokenMismatch(db: Database, gatewayId: number): Promise<void> {
  await db
    .update(gateways)
    .set({ tokenMismatches: sql`${gateways.tokenMismatches} + 1` })
    .where(eq(gateways.id, gatewayId))
}

/** Gateways on a rotation schedule whose token is older than it: what the scheduler rotates. */
export async function gatewaysDueForRotation(db: Database): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: gateways.id, name: gateways.name })
    .from(gateways)
    .where(
      and(
        isNotNull(gateways.token),
        isNotNull(gateways.rotateEveryDays),
        rotationFree,
        lt(
          sql`coalesce(${gateways.tokenSetAt}, ${gateways.createdAt})`,
          sql`now() - make_interval(days => ${gateways.rotateEveryDays})`,
        ),
      ),
    )
}
