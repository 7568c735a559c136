import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { App } from '../app.ts'
import type { OpenApiDocument } from '../openapi/document.ts'

const DOCUMENT_ID = 'openapi.json'
const UNVALIDATED_METHODS = new Set(['HEAD', 'OPTIONS'])
const BODILESS_STATUSES = new Set([204, 304])

/** One token of a JSON pointer inside a URI fragment. */
const pointerToken = (token: string) => encodeURIComponent(token.replaceAll('~', '~0').replaceAll('/', '~1'))

/** The document's paths as patterns, the static segment before a parameter as the app does. */
function pathMatchers(document: OpenApiDocument) {
  const isParam = (segment: string) => segment.startsWith('{')
  const templates = Object.keys(document.paths).map((template) => ({
    template,
    kinds: template.split('/').map((segment) => (isParam(segment) ? 2 : 1)),
    pattern: new RegExp(
      `^${template
        .split('/')
        .map((segment) => (isParam(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/')}$`,
    ),
  }))
  templates.sort((a, b) => {
    for (let i = 0; i < Math.max(a.kinds.length, b.kinds.length); i++) {
      const difference = (a.kinds[i] ?? 0) - (b.kinds[i] ?? 0)
      if (difference !== 0) return difference
    }
    return 0
  })
  return (path: string) => templates.find(({ pattern }) => pattern.test(path))?.template
}

/**
 * Checks answers against the OpenAPI document: a documented route must answer only the statuses its
 * document lists, with the media type it names, and JSON that matches the schema for that status
 * (errors: the `Error` component). Each schema is compiled once, on first use.
 */
export function createResponseValidator(document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema(document, DOCUMENT_ID)
  const templateOf = pathMatchers(document)
  const compiled = new Map<string, ValidateFunction>()
  const compile = (pointer: string[]) => {
    const ref = `${DOCUMENT_ID}#/${pointer.map(pointerToken).join('/')}`
    let validate = compiled.get(ref)
    if (!validate) {
      validate = ajv.compile({ $ref: ref })
      compiled.set(ref, validate)
    }
    return validate
  }

  return async function validateResponse(method: string, path: string, response: Response): Promise<void> {
    if (UNVALIDATED_METHODS.has(method)) return
    const template = templateOf(path)
    const operation = template === undefined ? undefined : document.paths[template]?.[method.toLowerCase()]
    // Not a route of the document (an unknown path, a 405, the SPA): nothing to hold it to.
    if (!template || !operation) return
    const where = `${method} ${path} (${template})`
    const documented = operation.responses[response.status]
    if (!documented) {
      const listed = Object.keys(operation.responses).join(', ')
      throw new Error(`${where} answered ${response.status}, which the document does not list (${listed})`)
    }
    // Statuses that never carry a body, whatever media type the document names for the route.
    if (!documented.content || BODILESS_STATUSES.has(response.status)) return
    const contentType = response.headers.get('content-type') ?? ''
    const mediaType = Object.keys(documented.content).find((media) => contentType.startsWith(media))
    if (!mediaType) {
      const expected = Object.keys(documented.content).join(' or ')
      throw new Error(
        `${where} answered ${response.status} as "${contentType}", the document says ${expected}`,
      )
    }
    if (mediaType !== 'application/json') return
    const body: unknown = await response.clone().json()
    const check = compile([
      'paths',
      template,
      method.toLowerCase(),
      'responses',
      String(response.status),
      'content',
      mediaType,
      'schema',
    ])
    if (!check(body)) {
      throw new Error(
        `${where} answered ${response.status} with a body the document does not allow: ${ajv.errorsText(check.errors, { dataVar: 'body' })}\n${JSON.stringify(body).slice(0, 2000)}`,
      )
    }
  }
}

/**
 * Holds every answer of `app.request` to the document the app serves (the tests' own requests),
 * so a route drifting from its documented contract fails the test that exercises it.
 */
export async function validateResponsesOf(app: App): Promise<void> {
  const request = app.request
  const document = (await (await request('/api/openapi.json')).json()) as OpenApiDocument
  const validateResponse = createResponseValidator(document)
  app.request = (async (...args: Parameters<App['request']>) => {
    const [input, init] = args
    const response = await request(...args)
    const method = input instanceof Request ? input.method : (init?.method ?? 'GET')
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost')
    await validateResponse(method.toUpperCase(), url.pathname, response)
    return response
  }) as App['request']
}
