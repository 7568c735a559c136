import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { RouteDef } from '../http/route.ts'
import { buildOpenApiDocument } from '../openapi/document.ts'
import { createResponseValidator } from './response-validation.ts'

const handler: RouteDef['handler'] = (c) => c.json({})
const routes: RouteDef[] = [
  {
    method: 'GET',
    path: '/gateways/:id',
    access: 'viewer',
    handler,
    doc: {
      summary: 'One gateway',
      responses: { 200: z.object({ gateway: z.object({ id: z.number().int(), name: z.string() }) }) },
      errors: [404],
    },
  },
  {
    method: 'GET',
    path: '/gateways/primary',
    access: 'viewer',
    handler,
    doc: { summary: 'The primary', responses: { 200: z.object({ primary: z.boolean() }) } },
  },
  {
    method: 'GET',
    path: '/docs',
    access: 'public',
    handler,
    doc: { summary: 'Reference', responses: { 200: { contentType: 'text/html', description: 'page' } } },
  },
]
const validate = createResponseValidator(buildOpenApiDocument([{ prefix: '/api', routes }], '1'))
const json = (body: unknown, status = 200) => Response.json(body, { status })

describe('createResponseValidator', () => {
  it('accepts answers that match the document', async () => {
    await validate('GET', '/api/gateways/7', json({ gateway: { id: 7, name: 'a' } }))
    await validate('GET', '/api/gateways/7', json({ error: 'no gateway with id 7' }, 404))
    await validate('GET', '/api/gateways/primary', json({ primary: true }))
    await validate(
      'GET',
      '/api/docs',
      new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }),
    )
  })

  it('leaves requests no documented route took alone', async () => {
    await validate('GET', '/api/nothing-here', json({ error: 'no such endpoint' }, 404))
    await validate('POST', '/api/gateways/primary', json({ error: 'not allowed' }, 405))
  })

  it('names the route, status and schema errors of a body the document does not allow', async () => {
    await expect(
      validate('GET', '/api/gateways/7', json({ gateway: { id: '7', name: 'a' } })),
    ).rejects.toThrow(
      /GET \/api\/gateways\/7 \(\/api\/gateways\/\{id\}\) answered 200 with a body .*body\/gateway\/id must be integer/,
    )
    // A static path is matched before a parameter, as the app routes it.
    await expect(
      validate('GET', '/api/gateways/primary', json({ gateway: { id: 1, name: 'a' } })),
    ).rejects.toThrow(/\(\/api\/gateways\/primary\).*must have required property 'primary'/)
  })

  it('refuses an error body that is not the Error shape', async () => {
    await expect(validate('GET', '/api/gateways/7', json({ message: 'gone' }, 404))).rejects.toThrow(
      /answered 404 with a body .*must have required property 'error'/,
    )
  })

  it('refuses a status the route does not declare', async () => {
    await expect(
      validate('GET', '/api/gateways/primary', json({ error: 'no primary' }, 404)),
    ).rejects.toThrow(/answered 404, which the document does not list \(200, 401, 403, 429, 500, 503\)/)
  })

  it('refuses another media type than the documented one', async () => {
    await expect(validate('GET', '/api/docs', json({ page: true }))).rejects.toThrow(
      /answered 200 as "application\/json", the document says text\/html/,
    )
  })
})
