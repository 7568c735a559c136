import { randomBytes } from 'node:crypto'
import { createGateway, type Database, findGateway, type GatewayRow, recordProbe, schema } from '@mc/db'
import { failedReading, onlineReading } from '@mc/db/testing'
import { eq } from 'drizzle-orm'

const unique = (stem: string) => `${stem}-${randomBytes(4).toString('hex')}`

/** A new primary nobody probes; the previous primary, if any, stops being one. */
export const makePrimary = (db: Database, name = unique('primary')) =>
  createGateway(db, { name, host: 'h', port: 1, token: null, isPrimary: true })

export interface StandbyOptions {
  name?: string
  priority?: number | null
  /** What its last probe found, written as the worker writes it: online (the default) or offline. */
  probed?: 'online' | 'offline'
  latencyMs?: number
  /** Its last probe ran this many seconds ago (a probe that is no longer fresh). */
  probedAgoS?: number
}

/** A standby of `priority` (1 unless told) whose probe, by default, just found it online. */
export async function makeStandby(db: Database, options: StandbyOptions = {}): Promise<GatewayRow> {
  const row = await createGateway(db, {
    name: options.name ?? unique('standby'),
    host: 'h',
    port: 1,
    token: null,
    isPrimary: false,
    failoverPriority: options.priority === undefined ? 1 : options.priority,
  })
  const reading =
    options.probed === 'offline'
      ? failedReading('offline', 'connection refused')
      : onlineReading({ latencyMs: options.latencyMs ?? 20 })
  await recordProbe(db, row.id, reading, 1)
  if (options.probedAgoS !== undefined)
    await db
      .update(schema.gateways)
      .set({ lastProbeAt: new Date(Date.now() - options.probedAgoS * 1000) })
      .where(eq(schema.gateways.id, row.id))
  return (await findGateway(db, row.id)) ?? row
}
