import { z } from 'zod'
import type { RouteDeps } from '../app-deps.ts'
import type { RouteDef } from '../http/route.ts'

/** What a reader of the document can rely on; the rest is OpenAPI 3.1. */
const openApiDocumentSchema = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
})

/** The OpenAPI document of every route, this one's included, for generating clients. */
export function openApiRoutes({ openApiDocument }: Pick<RouteDeps, 'openApiDocument'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/openapi.json',
      access: 'public',
      handler: (c) => c.json(openApiDocument()),
      doc: {
        summary: 'The OpenAPI document',
        description:
          'OpenAPI 3.1 description of every route, generated from the same zod contracts the routes use.',
        responses: { 200: openApiDocumentSchema },
      },
    },
  ]
}
