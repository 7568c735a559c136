import type { RouteDef } from '../http/route.ts'
import { REFERENCE_FILES, referenceFile, referencePage } from '../openapi/reference-page.ts'

/** The interactive API reference (Swagger UI) at /api/docs, and the files it loads from below it. */
export function docsRoutes(): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/docs',
      access: 'public',
      handler: (c) => {
        c.header('cache-control', 'no-cache')
        return c.html(referencePage())
      },
      doc: {
        summary: 'Interactive API reference',
        description: 'Swagger UI on `GET /api/openapi.json`, served by the API itself.',
        responses: { 200: { contentType: 'text/html', description: 'The reference page' } },
      },
    },
    ...REFERENCE_FILES.map(
      ({ name, mediaType }): RouteDef => ({
        method: 'GET',
        path: `/docs/${name}`,
        access: 'public',
        handler: (c) => {
          // The page asks for it with its content's hash in the URL: safe to keep for a year.
          c.header('cache-control', 'public, max-age=31536000, immutable')
          c.header('content-type', `${mediaType}; charset=utf-8`)
          return c.body(referenceFile(name).text)
        },
        doc: {
          summary: `Reference page file ${name}`,
          description: 'Loaded by the reference page, with a version in its URL (`?v=`).',
          responses: { 200: { contentType: mediaType, description: name } },
        },
      }),
    ),
  ]
}
