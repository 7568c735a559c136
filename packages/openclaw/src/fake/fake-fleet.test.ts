import { afterEach, describe, expect, it, vi } from 'vitest'
import { connectGateway } from '../client/connect.ts'
import type { GatewayEvent } from '../client/frame-channel.ts'
import type { GatewayClient } from '../client/gateway-client.ts'
import type { FinishedToolCall } from '../insights/finished-tool-call.ts'
import { createToolCallTracker } from '../insights/tool-call-tracker.ts'
import { subscribeSessions } from '../sessions/list-sessions.ts'
import { type FakeFleet, startFakeFleet } from './fake-fleet.ts'

const TOKEN = 'fleet-token'
/** The fleet is a child process started through tsx: seconds on a loaded machine. */
const PATIENCE = { timeout: 60_000, interval: 50 }
let fleet: FakeFleet | undefined
const clients: GatewayClient[] = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()))
  await fleet?.stop()
  fleet = undefined
})

describe('fake fleet tool traffic', () => {
  it('spreads steady tool calls over every healthy fake until told to stop', {
    timeout: 180_000,
  }, async () => {
    fleet = await startFakeFleet({
      healthy: 2,
      blackholes: 0,
      token: TOKEN,
      helloDelayMs: 0,
      helloPresence: 0,
      sessionsEach: 0,
    })
    const calls: FinishedToolCall[][] = []
    const endEvents: GatewayEvent[] = []
    let sessionEvents = 0
    for (const port of fleet.healthyPorts) {
      const tracker = createToolCallTracker()
      const mine: FinishedToolCall[] = []
      calls.push(mine)
      const onEvent = (event: GatewayEvent) => {
        if (event.event === 'sessions.changed') sessionEvents++
        const finished = tracker.receive(event)
        if (finished.length > 0) endEvents.push(event)
        mine.push(...finished)
      }
      const client = await connectGateway(
        { host: '127.0.0.1', port, token: TOKEN },
        { clientVersion: 'test', onEvent },
      )
      clients.push(client)
      await subscribeSessions(client)
    }
    // A new session on every fake is a marker: events on one connection arrive in order.
    const passMarker = async () => {
      const seen = sessionEvents
      await fleet?.createSessions(2)
      await vi.waitFor(() => expect(sessionEvents).toBe(seen + 2), PATIENCE)
    }
    await fleet.setToolTraffic(100)
    await vi.waitFor(() => expect(calls.every((mine) => mine.length >= 3)).toBe(true), PATIENCE)
    await fleet.setToolTraffic(0)
    await passMarker()
    const counted = calls.map((mine) => mine.length)
    await passMarker()
    expect(calls.map((mine) => mine.length)).toEqual(counted)
    for (const event of endEvents) {
      const payload = event.payload as { ts: number; data: { endedAt?: number } }
      // Each call ends when it is sent; exec's exit code arrives in the next event, at the same time.
      expect(payload.data.endedAt ?? payload.ts).toBe(payload.ts)
    }
    expect(calls.flat().some((call) => call.tool === 'exec' && call.exitCode === 0)).toBe(true)
  })
})
