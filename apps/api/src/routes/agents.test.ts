import { agentsResponseSchema } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { useCliTool } from '../testing/cli-tool.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()
const { headers, connect } = useCliTool(t)

describe('GET /api/agents', () => {
  it('lists agents with their live connections and finds one by name', async () => {
    for (let i = 0; i < 3; i++) await connect({ agent_name: 'lister', tool_name: `tool-${i}` })
    const list = agentsResponseSchema.parse(
      await (await t.app.request('/api/agents?q=lister', { headers })).json(),
    )
    expect(list).toMatchObject({
      total: 1,
      agents: [{ name: 'lister', open_connections: 3, status: 'online' }],
    })
    expect((await t.app.request('/api/agents/lister', { headers })).status).toBe(200)
    expect((await t.app.request('/api/agents/nobody', { headers })).status).toBe(404)
  })
})
