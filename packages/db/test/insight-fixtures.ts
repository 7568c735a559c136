import { sql } from 'drizzle-orm'
import type { Database } from '../src/client.ts'
import { gatewayAuthFailures } from '../src/schema/gateway-auth-failures.ts'
import { gatewayEvents } from '../src/schema/gateway-events.ts'
import { gatewayToolCalls, gatewayToolHourly, gatewayTools } from '../src/schema/gateway-tools.ts'

export interface ToolCallFixture {
  /** When the call ended. */
  endedAt: Date
  durationMs: number
  ok?: boolean
  error?: string | null
  sessionKey?: string | null
}

let callSeq = 0

/** `gatewayId`'s tool `name`, made on first use; its id. */
export async function toolOf(db: Database, gatewayId: number, name: string): Promise<number> {
  const [tool] = await db
    .insert(gatewayTools)
    .values({ gatewayId, name })
    .onConflictDoUpdate({ target: [gatewayTools.gatewayId, gatewayTools.name], set: { name } })
    .returning({ id: gatewayTools.id })
  if (!tool) throw new Error('no tool row')
  return tool.id
}

/** Finished calls of `name` on `gatewayId`, as a watcher records them (ok unless told); the tool's id. */
export async function insertToolCalls(
  db: Database,
  gatewayId: number,
  name: string,
  calls: ToolCallFixture[],
): Promise<number> {
  const toolId = await toolOf(db, gatewayId, name)
  if (calls.length === 0) return toolId
  await db.insert(gatewayToolCalls).values(
    calls.map((call) => ({
      toolId,
      gatewayId,
      toolCallId: `fixture-${++callSeq}`,
      sessionKey: call.sessionKey ?? null,
      agent: 'main',
      runId: null,
      startedAt: new Date(call.endedAt.getTime() - call.durationMs),
      endedAt: call.endedAt,
      durationMs: call.durationMs,
      ok: call.ok ?? true,
      error: call.error ?? null,
      exitCode: null,
      source: 'event',
    })),
  )
  await db.execute(sql`
    update gateway_tools set last_call_at = (select max(ended_at) from gateway_tool_calls where tool_id = ${toolId})
    where id = ${toolId}`)
  return toolId
}

export interface ToolHourFixture {
  hour: Date
  calls: number
  failures?: number
  p50Ms?: number | null
  p95Ms?: number | null
  maxMs?: number | null
}

/** Hourly rollup rows of `name` on `gatewayId`, as the rollup job writes them; the tool's id. */
export async function insertToolHours(
  db: Database,
  gatewayId: number,
  name: string,
  hours: ToolHourFixture[],
): Promise<number> {
  const toolId = await toolOf(db, gatewayId, name)
  await db.insert(gatewayToolHourly).values(
    hours.map((h) => ({
      toolId,
      hour: h.hour,
      calls: h.calls,
      failures: h.failures ?? 0,
      p50Ms: h.p50Ms ?? null,
      p95Ms: h.p95Ms ?? null,
      maxMs: h.maxMs ?? null,
    })),
  )
  return toolId
}

/** Kept events of `gatewayId`, in order (ids grow), as a watcher stores them; their ids. */
export async function insertGatewayEvents(
  db: Database,
  gatewayId: number,
  events: { type: string; at: Date; sessionKey?: string | null; summary?: string }[],
): Promise<number[]> {
  const rows = await db
    .insert(gatewayEvents)
    .values(
      events.map((event) => ({
        gatewayId,
        at: event.at,
        type: event.type,
        sessionKey: event.sessionKey ?? null,
        agent: event.sessionKey ? 'main' : null,
        summary: event.summary ?? event.type,
      })),
    )
    .returning({ id: gatewayEvents.id })
  return rows.map((row) => row.id).sort((a, b) => a - b)
}

/** Failed handshakes of `gatewayId` counted in the minute of `lastAt`, as the watcher keeps them. */
export async function insertAuthFailures(
  db: Database,
  gatewayId: number,
  failures: { address: string; reason: string; count: number; lastAt: Date }[],
): Promise<void> {
  await db.insert(gatewayAuthFailures).values(
    failures.map((failure) => ({
      gatewayId,
      minute: new Date(Math.floor(failure.lastAt.getTime() / 60_000) * 60_000),
      ...failure,
    })),
  )
}
