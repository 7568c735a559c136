// Sessions on a real gateway whose agents run on a loopback mock model: what a session watcher reads
// (paged `sessions.list`, `sessions.changed` after `sessions.subscribe`) matches what was done over RPC.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { connectGateway } from '../src/client/connect.ts'
import type { GatewayEvent } from '../src/client/frame-channel.ts'
import type { GatewayClient } from '../src/client/gateway-client.ts'
import {
  type GatewaySessionRow,
  listAllSessions,
  parseSessionsChanged,
  type SessionsClient,
  subscribeSessions,
} from '../src/index.ts'
import { createEventLog, type EventLog } from './support/event-log.ts'
import { type MockModel, mockModelConfig, startMockModel } from './support/mock-model.ts'
import { connectOperator, createSession, createSessions, sendMessage } from './support/operator-sessions.ts'
import { type RealGateway, startRealGateway } from './support/real-gateway.ts'
import { INTEROP_VERSIONS } from './support/versions.ts'
import { whileOverloaded } from './support/while-overloaded.ts'

// A gateway's first run prepares its workspace first (seen: 6–8 s on 2 cores); a busy machine is slower.
const RUN_PATIENCE_MS = 45_000
const PATIENT_TEST_TIMEOUT_MS = 120_000

let mock: MockModel
let gateway: RealGateway
/** Creates and drives sessions (read, write, admin). */
let operator: GatewayClient
/** Reads as the monitor does: operator.read only, subscribed to sessions.changed. */
let watcher: GatewayClient
let events: EventLog

beforeAll(async () => {
  mock = await startMockModel()
  gateway = await startRealGateway(inject('openclaw'), { config: mockModelConfig(mock) })
  console.log(`openclaw interop: gateway ready on port ${gateway.port} after ${gateway.startSeconds} s`)
  operator = await connectOperator(gateway.target())
  events = createEventLog()
  watcher = await connectGateway(gateway.target(), { clientVersion: 'interop', onEvent: events.record })
  await subscribeSessions(watcher)
})
afterAll(async () => {
  await Promise.all([operator?.close(), watcher?.close()])
  await gateway?.stop()
  await mock?.stop()
})

/** The row of the first keyed `sessions.changed` for `key` that passes `test`. */
async function changedRow(
  key: string,
  test: (row: GatewaySessionRow) => boolean,
): Promise<GatewaySessionRow> {
  const rowOf = (event: GatewayEvent) => {
    if (event.event !== 'sessions.changed') return null
    const change = parseSessionsChanged(event.payload)
    return change?.type === 'row' && change.row.key === key ? change.row : null
  }
  const event = await events.waitFor((event) => {
    const row = rowOf(event)
    return row !== null && test(row)
  }, RUN_PATIENCE_MS)
  return rowOf(event) as GatewaySessionRow
}

async function listedRow(key: string): Promise<GatewaySessionRow | undefined> {
  return (await whileOverloaded(() => listAllSessions(watcher))).find((row) => row.key === key)
}

describe(`sessions on openclaw@${INTEROP_VERSIONS.openclaw}`, () => {
  it('tells a subscribed watcher about a session created after it subscribed, with the row', async () => {
    const key = await createSession(operator, { label: 'watched-1' })
    const row = await changedRow(key, () => true)
    expect(row).toMatchObject({
      key,
      agentId: 'main',
      label: 'watched-1',
      hasActiveRun: false,
      model: 'echo-1',
      modelProvider: 'mock',
      archived: false,
    })
    expect(row.createdAt).toEqual(expect.any(Number))
  })

  it(
    'shows a session active while the model answers, then done with tokens and cost',
    async () => {
      const key = await createSession(operator, { label: 'run-1' })
      const held = mock.hold('hold this run')
      const runId = await sendMessage(operator, key, 'hold this run')
      await held.arrived

      // The model has not answered yet: the run is in progress, in the list and in the event stream.
      expect(await listedRow(key)).toMatchObject({ hasActiveRun: true, runStatus: 'running' })
      expect(await changedRow(key, (row) => row.hasActiveRun)).toMatchObject({ runStatus: 'running' })

      held.release()
      const done = await changedRow(key, (row) => !row.hasActiveRun && row.runStatus === 'done')
      const finished = {
        hasActiveRun: false,
        runStatus: 'done',
        startedAt: expect.any(Number),
        endedAt: expect.any(Number),
        inputTokens: expect.any(Number),
        outputTokens: expect.any(Number),
        estimatedCostUsd: expect.any(Number),
      }
      expect(done).toMatchObject(finished)
      expect(done.estimatedCostUsd).toBeGreaterThan(0)
      expect(done.endedAt).toBeGreaterThanOrEqual(done.startedAt ?? Number.POSITIVE_INFINITY)
      expect(await listedRow(key)).toMatchObject(finished)
      expect(runId).toEqual(expect.any(String))
    },
    PATIENT_TEST_TIMEOUT_MS,
  )

  it(
    'runs a tool the mock model asks for, seen as agent item events',
    async () => {
      const key = await createSession(operator, { label: 'tool-1' })
      await sendMessage(operator, key, 'please run: TOOL exec {"command":"echo hi"}')
      const toolEnd = await events.waitFor((event) => {
        const payload = event.payload as { sessionKey?: string; stream?: string; data?: { phase?: string } }
        return (
          event.event === 'agent' &&
          payload.sessionKey === key &&
          payload.stream === 'item' &&
          payload.data?.phase === 'end'
        )
      }, RUN_PATIENCE_MS)
      expect(toolEnd.payload).toMatchObject({ data: { kind: 'tool', name: 'exec', status: 'completed' } })
      await changedRow(key, (row) => row.runStatus === 'done')
    },
    PATIENT_TEST_TIMEOUT_MS,
  )

  // Last: the burst of creates keeps the gateway's worker tasks busy for a while after it.
  it(
    'pages through 150 sessions created over RPC, every key once',
    async () => {
      const created = await createSessions(operator, 150, { labelPrefix: 'paging' })
      const offsets: number[] = []
      const recording: SessionsClient = {
        request(method, params, options) {
          offsets.push((params as { offset: number }).offset)
          return watcher.request(method, params, options)
        },
      }
      const rows = await whileOverloaded(() => {
        offsets.length = 0
        return listAllSessions(recording, { pageSize: 40 })
      })
      const { totalCount } = (await whileOverloaded(() =>
        watcher.request('sessions.list', { limit: 1 }),
      )) as {
        totalCount: number
      }

      expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length)
      expect(rows.map((row) => row.key)).toEqual(expect.arrayContaining(created))
      expect(rows).toHaveLength(totalCount)
      expect(offsets).toEqual(Array.from({ length: Math.ceil(totalCount / 40) }, (_, page) => page * 40))
      expect(rows.find((row) => row.key === created[0])).toMatchObject({ label: 'paging-1', agentId: 'main' })
    },
    PATIENT_TEST_TIMEOUT_MS,
  )
})
