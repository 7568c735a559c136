import { describe, expect, it } from 'vitest'
import type { RouteDef } from './route.ts'
import { byPrecedence } from './route-table.ts'

const route = (method: RouteDef['method'], path: string): RouteDef => ({
  method,
  path,
  access: 'viewer',
  handler: (c) => c.body(null),
  doc: { summary: `${method} ${path}`, responses: {} },
})

describe('route precedence', () => {
  it('puts a static segment before a parameter in the same place, whatever the order of the list', () => {
    const routes = [
      route('GET', '/gateways/:id/live'),
      route('GET', '/gateways/:id'),
      route('POST', '/gateways/health'),
      route('GET', '/gateways/health/recent'),
      route('GET', '/gateways/status-changes'),
      route('GET', '/gateways'),
    ]
    for (const order of [routes, [...routes].reverse()]) {
      const paths = byPrecedence(order).map((r) => r.path)
      expect(paths.indexOf('/gateways/status-changes')).toBeLessThan(paths.indexOf('/gateways/:id'))
      expect(paths.indexOf('/gateways/health')).toBeLessThan(paths.indexOf('/gateways/:id'))
      expect(paths.indexOf('/gateways/health/recent')).toBeLessThan(paths.indexOf('/gateways/:id/live'))
    }
  })

  it('refuses two routes of one method that differ only in parameter names', () => {
    const routes = [route('GET', '/agents/:id'), route('GET', '/agents/:name')]
    expect(() => byPrecedence(routes)).toThrow('GET /agents/:name is declared twice')
  })

  it('keeps the order of the list between routes of the same shape', () => {
    const routes = [route('PUT', '/gateways'), route('GET', '/gateways'), route('DELETE', '/gateways')]
    expect(byPrecedence(routes)).toEqual(routes)
  })
})
