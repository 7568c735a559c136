import { describe, expect, it } from 'vitest'
import { useTestApp } from '../testing/test-app.ts'

// What `npm start` shows a person at a terminal (pretty) and what a log collector gets (json).
describe('request lines', () => {
  const terminal = useTestApp({ LOG_FORMAT: 'pretty', LOG_LEVEL: 'info' })
  const terminalDebug = useTestApp({ LOG_FORMAT: 'pretty', LOG_LEVEL: 'debug' })
  const collector = useTestApp({ LOG_FORMAT: 'json', LOG_LEVEL: 'info' })

  it('are left out of a pretty console at level info', async () => {
    expect((await terminal.app.request('/api/health')).status).toBe(200)
    expect((await terminal.app.request('/api/no-such-thing')).status).toBe(404)
    expect(terminal.logs.filter((line) => line.includes('request'))).toEqual([])
  })

  it('are short human lines on a pretty console at level debug', async () => {
    const res = await terminalDebug.app.request('/api/health')
    const id = res.headers.get('x-request-id')
    const lines = terminalDebug.logs.filter((line) => line.includes(`request_id=${id}`))
    expect(lines).toEqual([
      expect.stringMatching(
        /^\d\d:\d\d:\d\d DEBUG api {4}request request_id=\S+ method=GET path=\/api\/health status=200 duration_ms=\d+\n$/,
      ),
    ])
  })

  it('are JSON at level info for a log collector, as before', async () => {
    const res = await collector.app.request('/api/health')
    const id = res.headers.get('x-request-id')
    const line = collector.logs.find((entry) => entry.includes(`"request_id":"${id}"`))
    expect(JSON.parse(line ?? '{}')).toMatchObject({
      level: 30,
      service: 'api',
      msg: 'request',
      method: 'GET',
      path: '/api/health',
      status: 200,
    })
  })
})
