import { Validator } from '@seriousme/openapi-schema-validator'
import { beforeAll, describe, expect, it } from 'vitest'
import { rejectUndecodableUrl } from '../http/url-encoding.ts'
import { useTestApp } from '../testing/test-app.ts'
import type { OpenApiDocument } from './document.ts'
import { openApiPath } from './paths.ts'

const t = useTestApp()
let document: OpenApiDocument

beforeAll(async () => {
  const response = await t.app.request('/api/openapi.json')
  expect(response.status).toBe(200)
  document = (await response.json()) as OpenApiDocument
})

/**
 * Every route Hono registered, as `METHOD /path/{param}`. A route's chain starts with
 * `rejectUndecodableUrl` (see routeGroup in app.ts); middleware, the 405 guards, the unmatched
 * handler and the SPA's fallbacks are registered otherwise.
 */
function registeredRoutes(): string[] {
  return t.app.routes
    .filter((route) => route.method !== 'ALL' && route.handler === rejectUndecodableUrl)
    .map((route) => `${route.method} ${openApiPath('', route.path)}`)
}

function documentedRoutes(): string[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
  )
}

describe('the OpenAPI document', () => {
  it('describes every route the app serves, and only those', () => {
    const registered = registeredRoutes()
    expect(registered).toContain('GET /api/gateways/{id}')
    expect(registered).toContain('GET /api/openapi.json')
    const documented = documentedRoutes()
    expect(
      registered.filter((route) => !documented.includes(route)),
      'routes missing from the document',
    ).toEqual([])
    expect(
      documented.filter((route) => !registered.includes(route)),
      'documented routes that do not exist',
    ).toEqual([])
    expect(new Set(registered).size).toBe(registered.length)
  })

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator()
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>)
    expect(result.errors, JSON.stringify(result.errors, null, 2)).toBeUndefined()
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('would be refused by the validator if it were broken', async () => {
    const broken = structuredClone(document) as unknown as Record<string, unknown> & {
      paths: Record<string, unknown>
    }
    broken.paths['/api/health'] = { get: { responses: { 200: { content: { 'application/json': {} } } } } }
    expect((await new Validator().validate(broken)).valid).toBe(false)
  })

  it('carries the API version and a unique operation id for each operation', async () => {
    const health = (await (await t.app.request('/api/health')).json()) as { version: string }
    expect(document.info.version).toBe(health.version)
    const ids = Object.values(document.paths).flatMap((operations) =>
      Object.values(operations).map((operation) => operation.operationId),
    )
    expect(new Set(ids).size).toBe(ids.length)
    expect(document.paths['/api/gateways']?.post?.operationId).toBe('postApiGateways')
  })
})

describe('the interactive reference', () => {
  it('is a page that loads its script and styles from the API itself, with no inline script', async () => {
    const response = await t.app.request('/api/docs')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await response.text()
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]+<\/script>/)
    expect(html).not.toMatch(/https?:\/\//)
    const assets = [...html.matchAll(/(?:src|href)="(docs\/[^"]+)"/g)].map((match) => match[1])
    expect(assets).toHaveLength(3)
    for (const asset of assets) {
      const file = await t.app.request(`/api/${asset}`)
      expect(file.status, asset).toBe(200)
      expect(file.headers.get('cache-control')).toContain('immutable')
      expect(file.headers.get('content-type')).toMatch(/^text\/(css|javascript)/)
      expect((await file.text()).length).toBeGreaterThan(100)
    }
  })

  it('starts Swagger UI on the served document', async () => {
    const script = await (await t.app.request('/api/docs/swagger-initializer.js')).text()
    expect(script).toContain("url: 'openapi.json'")
    // Relative to the page at /api/docs: the document at /api/openapi.json.
    expect(new URL('openapi.json', 'http://host/api/docs').pathname).toBe('/api/openapi.json')
  })
})
