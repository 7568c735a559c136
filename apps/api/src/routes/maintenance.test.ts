import { createGateway, type GatewayRow } from '@mc/db'
import { maintenanceWindowResponseSchema, maintenanceWindowsResponseSchema, nowUnixSeconds } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Call, callerWithRole } from '../testing/alert-factories.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()
let viewer: Call
let operator: Call
let gateway: GatewayRow

beforeAll(async () => {
  ;[viewer, operator] = await Promise.all([callerWithRole(t, 'viewer'), callerWithRole(t, 'operator')])
  gateway = await createGateway(t.deps.db, {
    name: 'gw-maint',
    host: 'gw',
    port: 1,
    token: null,
    isPrimary: false,
  })
})

async function createWindow(startsIn: number, lastsS: number, reason = 'upgrade') {
  const now = nowUnixSeconds()
  const res = await operator('POST', '/api/maintenance', {
    gateway_ids: [gateway.id],
    starts_at: now + startsIn,
    ends_at: now + startsIn + lastsS,
    reason,
  })
  expect(res.status, res.text).toBe(201)
  return maintenanceWindowResponseSchema.parse(res.body).window
}

describe('maintenance windows', () => {
  it('creates windows (unix seconds or ISO dates), lists current and upcoming first, ends them', async () => {
    const current = await createWindow(-60, 3600, 'current')
    expect(current).toMatchObject({
      active: true,
      gateway_ids: [gateway.id],
      created_by: expect.stringMatching(/^user:/),
    })
    const upcoming = await createWindow(86_400, 3600, 'upcoming')
    expect(upcoming.active).toBe(false)
    const start = new Date(Date.now() + 2 * 86_400_000)
    const iso = await operator('POST', '/api/maintenance', {
      gateway_ids: [gateway.id],
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + 3_600_000).toISOString(),
      reason: 'iso',
    })
    expect(maintenanceWindowResponseSchema.parse(iso.body).window.starts_at).toBe(
      Math.floor(start.getTime() / 1000),
    )

    const ended = await operator('DELETE', `/api/maintenance/${current.id}`)
    const endedWindow = maintenanceWindowResponseSchema.parse(ended.body).window
    expect(endedWindow).toMatchObject({ active: false })
    expect(endedWindow.cancelled_at).toBeGreaterThan(0)
    expect(endedWindow.ends_at).toBeLessThanOrEqual(nowUnixSeconds())

    // One not yet started is only cancelled: its times stay.
    const cancelled = maintenanceWindowResponseSchema.parse(
      (await operator('DELETE', `/api/maintenance/${upcoming.id}`)).body,
    )
    expect(cancelled.window).toMatchObject({
      ends_at: upcoming.ends_at,
      starts_at: upcoming.starts_at,
      active: false,
    })
    expect(cancelled.window.cancelled_at).toBeGreaterThan(0)
    // Ending again changes nothing.
    const again = maintenanceWindowResponseSchema.parse(
      (await operator('DELETE', `/api/maintenance/${current.id}`)).body,
    )
    expect(again.window).toEqual(endedWindow)
    expect((await operator('DELETE', '/api/maintenance/999999')).status).toBe(404)

    const { windows } = maintenanceWindowsResponseSchema.parse((await viewer('GET', '/api/maintenance')).body)
    expect(windows.map((w) => w.reason)).toEqual(['iso', 'upcoming', 'current'])
  })

  it('is listed to viewers but changed by operators', async () => {
    const now = nowUnixSeconds()
    const body = { gateway_ids: [gateway.id], starts_at: now, ends_at: now + 60, reason: 'x' }
    expect((await viewer('POST', '/api/maintenance', body)).status).toBe(403)
    expect((await viewer('DELETE', '/api/maintenance/1')).status).toBe(403)
  })

  it('refuses bad windows with a 400 naming the field', async () => {
    const now = nowUnixSeconds()
    const base = { gateway_ids: [gateway.id], starts_at: now, ends_at: now + 60, reason: 'x' }
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...base, starts_at: 'next tuesday' }, 'starts_at', /ISO 8601/],
      [{ ...base, ends_at: '2026-13-01T00:00:00Z' }, 'ends_at', /ISO 8601/],
      [{ ...base, ends_at: now - 60 }, 'ends_at', /after starts_at/],
      [{ ...base, ends_at: now + 40 * 86_400 }, 'ends_at', /at most 31 days/],
      [{ ...base, gateway_ids: [] }, 'gateway_ids', /at least one gateway/],
      [{ ...base, gateway_ids: [gateway.id, 987_654] }, 'gateway_ids', /unknown gateway ids: 987654/],
      [{ ...base, reason: '' }, 'reason', /required/],
    ]
    for (const [body, path, message] of cases) {
      const res = await operator('POST', '/api/maintenance', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      const details = (res.body as { details: { path: string; message: string }[] }).details
      expect(details.find((d) => d.path === path)?.message, res.text).toMatch(message)
    }
  })
})
