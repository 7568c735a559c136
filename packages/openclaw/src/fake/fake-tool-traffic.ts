import type { FakeGateway } from './fake-gateway.ts'

const TICK_MS = 50
const TOOLS = ['read', 'exec', 'ls', 'write']
// One call in this many fails, as some do on a real gateway.
const FAILING_EVERY = 20

/**
 * Steady tool calls spread round-robin over `fakes`, `perSecond` in all: each call ends when it is
 * sent (its end event's `ts` and `endedAt` are the send time), so a benchmark can measure the lag to
 * what it stored. Uses each fake's newest session, creating one where there is none. Returns stop.
 */
export function startToolTraffic(fakes: FakeGateway[], perSecond: number): () => void {
  if (fakes.length === 0 || perSecond <= 0) return () => {}
  const keys = fakes.map(
    (fake) => fake.sessionRows()[0]?.key ?? fake.createSession({ label: 'bench-tools' }).key,
  )
  let sent = 0
  let due = 0
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    due += (perSecond * (now - last)) / 1000
    last = now
    for (; due >= 1; due--, sent++) {
      const index = sent % fakes.length
      ;(fakes[index] as FakeGateway).runTool(keys[index] as string, {
        tool: TOOLS[sent % TOOLS.length] as string,
        durationMs: 20 + (sent % 50) * 10,
        ok: sent % FAILING_EVERY !== 0,
      })
    }
  }, TICK_MS)
  return () => clearInterval(timer)
}
