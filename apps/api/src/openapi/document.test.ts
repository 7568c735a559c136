import { idTextSchema } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { RouteDef } from '../http/route.ts'
import { buildOpenApiDocument } from './document.ts'
import { operationId } from './paths.ts'

const handler: RouteDef['handler'] = (c) => c.json({})

const gatewaySchema = z.object({ id: z.number().int(), name: z.string() })
interface Tree {
  name: string
  children: Tree[]
}
const treeSchema: z.ZodType<Tree> = z.object({
  name: z.string(),
  get children() {
    return z.array(treeSchema)
  },
})

const routes: RouteDef[] = [
  {
    method: 'GET',
    path: '/gateways/:id',
    access: 'viewer',
    handler,
    doc: {
      summary: 'One gateway',
      params: z.object({ id: idTextSchema }),
      responses: { 200: z.object({ gateway: gatewaySchema }) },
      errors: [404],
    },
  },
  {
    method: 'POST',
    path: '/gateways',
    access: 'admin',
    handler,
    doc: {
      summary: 'Add a gateway',
      body: z.object({ name: z.string(), port: z.number().default(18789) }),
      responses: { 201: z.object({ gateway: gatewaySchema }) },
    },
  },
  {
    method: 'GET',
    path: '/health',
    access: 'public',
    handler,
    doc: { summary: 'Health', responses: { 200: treeSchema } },
  },
]
const metrics: RouteDef = {
  method: 'GET',
  path: '/metrics',
  access: 'public',
  handler,
  doc: {
    summary: 'Prometheus metrics',
    responses: { 200: { contentType: 'text/plain', description: 'Prometheus text' } },
    security: ['metricsToken'],
    errors: [401],
  },
}

const document = buildOpenApiDocument(
  [
    { prefix: '/api', routes },
    { prefix: '', routes: [metrics] },
  ],
  '1.2.3',
)

describe('buildOpenApiDocument', () => {
  it('writes Hono paths as OpenAPI templates under their mount point', () => {
    expect(Object.keys(document.paths)).toEqual([
      '/api/gateways/{id}',
      '/api/gateways',
      '/api/health',
      '/metrics',
    ])
    expect(document.info.version).toBe('1.2.3')
  })

  it('derives stable camelCase operation ids from the method and the whole path', () => {
    expect(operationId('GET', '/api/gateways/{id}/health')).toBe('getApiGatewaysByIdHealth')
    expect(operationId('POST', '/api/auth/login')).toBe('postApiAuthLogin')
    expect(operationId('DELETE', '/api/status-pages/{page_id}')).toBe('deleteApiStatusPagesByPageId')
    expect(operationId('GET', '/api/openapi.json')).toBe('getApiOpenapiJson')
    expect(document.paths['/metrics']?.get?.operationId).toBe('getMetrics')
    expect(document.paths['/api/gateways']?.post?.operationId).toBe('postApiGateways')
  })

  it('describes parameters as clients write them and answers as the API sends them', () => {
    const get = document.paths['/api/gateways/{id}']?.get
    expect(get?.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d+$' } },
    ])
    const post = document.paths['/api/gateways']?.post
    // `port` has a default: optional to send, always in the parsed body.
    expect(post?.requestBody).toMatchObject({
      required: true,
      content: { 'application/json': { schema: { required: ['name'] } } },
    })
    expect(post?.responses['201']?.content?.['application/json']?.schema).toMatchObject({
      properties: { gateway: { required: ['id', 'name'] } },
    })
  })

  it('lists the error statuses a route may answer, all with the Error schema', () => {
    const errorStatuses = (path: string, method: string) =>
      Object.entries(document.paths[path]?.[method]?.responses ?? {})
        .filter(
          ([, answer]) => answer.content?.['application/json']?.schema.$ref === '#/components/schemas/Error',
        )
        .map(([status]) => status)
    expect(errorStatuses('/api/gateways/{id}', 'get')).toEqual([
      '400',
      '401',
      '403',
      '404',
      '429',
      '500',
      '503',
    ])
    expect(errorStatuses('/api/gateways', 'post')).toEqual(['400', '401', '403', '413', '429', '500', '503'])
    expect(errorStatuses('/api/health', 'get')).toEqual(['500', '503'])
    expect(document.components.schemas.Error).toMatchObject({ required: ['error'] })
  })

  it('states the role each route requires and the credentials it takes', () => {
    const post = document.paths['/api/gateways']?.post
    expect(post?.['x-required-role']).toBe('admin')
    expect(post?.description).toContain('`admin` role')
    expect(post?.security).toEqual([{ apiKey: [] }, { bearerApiKey: [] }, { signInCookie: [] }])
    expect(document.paths['/api/health']?.get?.security).toBeUndefined()
    expect(document.paths['/metrics']?.get?.security).toEqual([{ metricsToken: [] }])
    expect(document.paths['/metrics']?.get?.responses['200']?.content).toEqual({
      'text/plain': { schema: { type: 'string' } },
    })
    expect(Object.keys(document.components.securitySchemes)).toEqual(
      expect.arrayContaining(['apiKey', 'signInCookie', 'metricsToken']),
    )
  })

  it('moves a recursive schema into the components, its self-references with it', () => {
    expect(
      document.paths['/api/health']?.get?.responses['200']?.content?.['application/json']?.schema,
    ).toEqual({
      $ref: '#/components/schemas/getApiHealth_200',
    })
    expect(document.components.schemas.getApiHealth_200).toMatchObject({
      properties: { children: { items: { $ref: '#/components/schemas/getApiHealth_200' } } },
    })
  })

  it('refuses two routes that would share an operation id', () => {
    const hyphenated: RouteDef = { ...metrics, path: '/status-pages' }
    const nested: RouteDef = { ...metrics, path: '/status/pages' }
    expect(() => buildOpenApiDocument([{ prefix: '', routes: [hyphenated, nested] }], '1')).toThrow(
      /operationId getStatusPages of GET \/status\/pages is taken/,
    )
  })
})
