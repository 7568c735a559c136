import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GatewayTarget } from '../client/target.ts'
import { type FakeGateway, startFakeGateway } from '../fake/index.ts'
import { closedPort } from '../testing/free-port.ts'
import { probeGateway } from './probe-gateway.ts'
import type { ProbeStatus } from './probe-reading.ts'

const fakes: FakeGateway[] = []
let targets: { target: GatewayTarget; status: ProbeStatus }[] = []

beforeAll(async () => {
  const start = async (options: Parameters<typeof startFakeGateway>[0]) => {
    const fake = await startFakeGateway(options)
    fakes.push(fake)
    return fake
  }
  const online = await start({ agents: 2, sessions: 3 })
  const tls = await start({ tls: true })
  const port = await closedPort()
  targets = [
    { target: online.target(), status: 'online' },
    { target: online.target({ token: null }), status: 'online' },
    { target: online.target({ token: 'wrong' }), status: 'error' },
    { target: tls.target(), status: 'online' },
    { target: tls.target({ tlsInsecure: false }), status: 'error' },
    { target: (await start({ mode: 'blackhole' })).target(), status: 'timeout' },
    { target: (await start({ mode: 'blackhole' })).target({ token: null }), status: 'timeout' },
    { target: (await start({ mode: 'garbage' })).target(), status: 'error' },
    { target: (await start({ mode: 'http-only' })).target(), status: 'error' },
    { target: (await start({ mode: 'close-mid-handshake' })).target(), status: 'error' },
    { target: (await start({ starting: true })).target(), status: 'error' },
    // The fake holds its delayed answer as a timer of its own: short enough to be gone before the check.
    { target: (await start({ methodDelaysMs: { 'agents.list': 2000 } })).target(), status: 'timeout' },
    { target: { host: '127.0.0.1', port, token: 'x' }, status: 'offline' },
  ]
})
afterAll(() => Promise.all(fakes.map((fake) => fake.stop())))

function resources(): Map<string, number> {
  const counts = new Map<string, number>()
  for (const name of process.getActiveResourcesInfo()) counts.set(name, (counts.get(name) ?? 0) + 1)
  return counts
}

function extra(now: Map<string, number>, before: Map<string, number>): string[] {
  return [...now]
    .filter(([name, count]) => count > (before.get(name) ?? 0))
    .map(([name, count]) => `${name}×${count}`)
}

/** Handles close one event-loop turn after `close`; give them a moment, then report what is left. */
async function leftovers(before: Map<string, number>): Promise<string[]> {
  for (let attempt = 0; attempt < 750; attempt++) {
    const left = extra(resources(), before)
    if (left.length === 0) return []
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return extra(resources(), before)
}

describe('probeGateway resources', () => {
  it('leaves no socket or timer behind after 200 mixed probes', async () => {
    const before = resources()
    const statuses: ProbeStatus[] = []
    const wrong: string[] = []
    let next = 0
    const worker = async () => {
      while (next < 200) {
        const index = next++
        const kind = targets[index % targets.length]
        if (!kind) continue
        // Short deadlines only where a timeout is the point; the rest get room for a loaded machine.
        const timeoutMs = kind.status === 'timeout' ? 250 : 10_000
        const result = await probeGateway(kind.target, { clientVersion: '1', timeoutMs })
        statuses.push(result.status)
        if (result.status !== kind.status) wrong.push(`${index % targets.length}: ${JSON.stringify(result)}`)
      }
    }
    await Promise.all(Array.from({ length: 20 }, worker))
    expect(wrong).toEqual([])
    expect(statuses).toHaveLength(200)
    // The fakes run in this process too and close their side a little later, so only what is
    // still there after they settled counts.
    expect(await leftovers(before)).toEqual([])
  }, 60_000)
})
