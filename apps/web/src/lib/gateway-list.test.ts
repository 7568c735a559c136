import type { Gateway, GatewayStatus } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { makeGateway } from '../testing/fixtures.ts'
import { viewGateways } from './gateway-list.ts'

function gateway(id: number, name: string, status: GatewayStatus, host = `10.0.0.${id}`): Gateway {
  return makeGateway({ id, name, status, host })
}

const fleet = [
  gateway(1, 'Production', 'online'),
  gateway(2, 'Staging', 'offline', 'staging.internal'),
  gateway(3, 'Dev', 'online', 'dev.internal'),
  gateway(4, 'Prod EU', 'timeout'),
]

describe('viewGateways', () => {
  it('shows everything on one page without filters, in the given order', () => {
    const view = viewGateways(fleet, { search: '', status: null, page: 1 })
    expect(view.items.map((g) => g.id)).toEqual([1, 2, 3, 4])
    expect(view).toMatchObject({ total: 4, matching: 4, page: 1, pages: 1 })
    expect(view.counts).toMatchObject({ online: 2, offline: 1, timeout: 1, error: 0, unknown: 0 })
  })

  it('searches name and host, case-insensitively, and counts statuses within the matches', () => {
    const view = viewGateways(fleet, { search: ' PROD ', status: null, page: 1 })
    expect(view.items.map((g) => g.name)).toEqual(['Production', 'Prod EU'])
    expect(view.counts).toMatchObject({ online: 1, timeout: 1, offline: 0 })
    expect(viewGateways(fleet, { search: 'internal', status: null, page: 1 }).total).toBe(2)
  })

  it('filters by status after searching; the counts still cover every status', () => {
    const view = viewGateways(fleet, { search: '', status: 'online', page: 1 })
    expect(view.items.map((g) => g.name)).toEqual(['Production', 'Dev'])
    expect(view).toMatchObject({ total: 2, matching: 4 })
    expect(view.counts.offline).toBe(1)
  })

  it('pages, clamping a page number out of range', () => {
    const many = Array.from({ length: 120 }, (_, i) => gateway(i + 1, `gw-${i + 1}`, 'online'))
    const second = viewGateways(many, { search: '', status: null, page: 2 })
    expect(second.items).toHaveLength(50)
    expect(second.items[0]?.id).toBe(51)
    expect(second.pages).toBe(3)
    expect(viewGateways(many, { search: '', status: null, page: 99 })).toMatchObject({ page: 3 })
    expect(viewGateways(many, { search: '', status: null, page: 99 }).items).toHaveLength(20)
    expect(viewGateways(many, { search: '', status: null, page: Number.NaN }).page).toBe(1)
    expect(viewGateways([], { search: '', status: null, page: 1 })).toMatchObject({ page: 1, pages: 1 })
  })
})
