import { eventLogKey, parseEventMessages } from '@mc/runtime'
import type { McEvent } from '@mc/shared'
import { sql } from 'drizzle-orm'
import { expect, it, vi } from 'vitest'
import { useCliTool } from '../testing/cli-tool.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()
const { connect } = useCliTool(t)

/** The events in the installation's log, oldest first. */
async function loggedEvents(): Promise<McEvent[]> {
  const entries = await t.deps.redis.xrange(eventLogKey(t.deps.config.REDIS_PREFIX), '-', '+')
  return entries.flatMap(([id, fields]) =>
    parseEventMessages(`${id} ${fields[1]}`).map((logged) => logged.event),
  )
}

it('answers 50 concurrent connects, of different agents and of one agent, each with its own connection', async () => {
  const bodies = [
    ...Array.from({ length: 25 }, (_, i) => ({ agent_name: `batched-${i}`, tool_name: 'claude' })),
    ...Array.from({ length: 25 }, () => ({ agent_name: 'batched-same', tool_name: 'claude' })),
  ]
  const answers = await Promise.all(bodies.map((body) => connect(body)))
  expect(answers.map((a) => a.agent_name)).toEqual(bodies.map((b) => b.agent_name))
  expect(new Set(answers.map((a) => a.connection_id)).size).toBe(50)
  expect(new Set(answers.slice(25).map((a) => a.agent_id)).size).toBe(1)

  const live = await t.deps.db.execute<{ agent: string; n: number; retired: number }>(sql`
    select a.name as agent, count(*) filter (where d.status = 'connected')::int as n,
      count(*) filter (where d.disconnect_reason = 'replaced')::int as retired
    from direct_connections d join agents a on a.id = d.agent_id group by a.name`)
  expect(live).toHaveLength(26)
  expect(live.every((row) => row.n === 1)).toBe(true)
  expect(live.find((row) => row.agent === 'batched-same')?.retired).toBe(24)

  // Each connect is announced, and each retirement by the connect that did it, with the agent online.
  await vi.waitFor(async () => {
    const events = await loggedEvents()
    const connected = events.flatMap((e) => (e.type === 'connection.connected' ? [e.connection_id] : []))
    expect(connected.sort()).toEqual(answers.map((a) => a.connection_id).sort())
    expect(
      events.filter((e) => e.type === 'connection.disconnected' && e.reason === 'replaced'),
    ).toHaveLength(24)
    expect(events.filter((e) => e.type === 'agent.status' && e.status === 'online')).toHaveLength(50)
  })
})
