import { STATUS_CODES } from 'node:http'
import { apiErrorSchema } from '@mc/shared'
import type { z } from 'zod'
import type { OtherMedia, RouteDef } from '../http/route.ts'
import { createSchemaStore, type JsonSchema, type SchemaStore, toJsonSchema } from './json-schema.ts'
import { openApiPath, operationId, pathParamNames, tagOf } from './paths.ts'
import { accessSentence, securityOf, securitySchemes } from './security.ts'

/** Routes mounted together: the API's under `/api`, the root's under `''`. */
export interface MountedRoutes {
  prefix: string
  routes: RouteDef[]
}

export interface OpenApiOperation {
  operationId: string
  summary: string
  description: string
  tags: string[]
  'x-required-role': RouteDef['access']
  security?: Record<string, string[]>[]
  parameters?: Record<string, unknown>[]
  requestBody?: Record<string, unknown>
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>
}

export interface OpenApiDocument {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  tags: { name: string }[]
  paths: Record<string, Record<string, OpenApiOperation>>
  components: { schemas: Record<string, JsonSchema>; securitySchemes: typeof securitySchemes }
}

const ERROR_REF = { $ref: '#/components/schemas/Error' }
const SERVER_ERRORS = [500, 503]

const isOtherMedia = (answer: z.ZodType | OtherMedia): answer is OtherMedia => 'contentType' in answer

function parameters(route: RouteDef, id: string, store: SchemaStore) {
  const declared = (where: 'path' | 'query', schema: z.ZodObject | undefined) => {
    if (!schema) return []
    const json = toJsonSchema(schema, 'input')
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>
    const required = new Set((json.required ?? []) as string[])
    return Object.entries(properties).map(([name, property]) => ({
      name,
      in: where,
      required: where === 'path' || required.has(name),
      schema: store.place(`${id}_${where}_${name}`, property),
    }))
  }
  const path = declared('path', route.doc.params)
  // A path parameter the doc does not describe is still part of the URL: plain text.
  const undescribed = pathParamNames(route.path)
    .filter((name) => !path.some((param) => param.name === name))
    .map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }))
  const all = [...path, ...undescribed, ...declared('query', route.doc.query)]
  return all.length > 0 ? all : undefined
}

function requestBody(body: z.ZodType | undefined, id: string, store: SchemaStore) {
  if (!body) return undefined
  return {
    // An empty body counts as `{}` (parseBody), so it may be left out when `{}` is valid.
    required: !body.safeParse({}).success,
    content: { 'application/json': { schema: store.place(`${id}_body`, toJsonSchema(body, 'input')) } },
  }
}

function errorStatuses(route: RouteDef): number[] {
  const { doc } = route
  const takesInput = doc.params !== undefined || doc.query !== undefined || doc.body !== undefined
  return [
    ...(takesInput || pathParamNames(route.path).length > 0 ? [400] : []),
    ...(doc.body ? [413] : []),
    // A caller's address that failed too many key checks gets 429 before any route's role is judged.
    ...(route.access === 'public' ? [] : [401, 403, 429]),
    ...(doc.errors ?? []),
    ...SERVER_ERRORS,
  ]
}

function responses(route: RouteDef, id: string, store: SchemaStore): OpenApiOperation['responses'] {
  const described: OpenApiOperation['responses'] = {}
  for (const [status, answer] of Object.entries(route.doc.responses)) {
    if (!answer) continue
    described[status] = isOtherMedia(answer)
      ? { description: answer.description, content: { [answer.contentType]: { schema: { type: 'string' } } } }
      : {
          description: answer.description ?? STATUS_CODES[Number(status)] ?? status,
          content: {
            'application/json': { schema: store.place(`${id}_${status}`, toJsonSchema(answer, 'output')) },
          },
        }
  }
  for (const status of [...new Set(errorStatuses(route))].sort((a, b) => a - b)) {
    if (String(status) in described) continue
    described[status] = {
      description: STATUS_CODES[status] ?? String(status),
      content: { 'application/json': { schema: ERROR_REF } },
    }
  }
  return described
}

function operation(route: RouteDef, path: string, store: SchemaStore): OpenApiOperation {
  const id = operationId(route.method, path)
  const { doc } = route
  const described: OpenApiOperation = {
    operationId: id,
    summary: doc.summary,
    description: [doc.description, accessSentence(route.access)].filter(Boolean).join('\n\n'),
    tags: [tagOf(route.path)],
    'x-required-role': route.access,
    responses: responses(route, id, store),
  }
  const security = securityOf(route.access, doc)
  if (security) described.security = security
  const params = parameters(route, id, store)
  if (params) described.parameters = params
  const body = requestBody(doc.body, id, store)
  if (body) described.requestBody = body
  return described
}

/**
 * The OpenAPI 3.1 document of every route, built from the routes' own docs and zod contracts (see
 * http/route.ts), so it describes what the code does. Pure: the same routes give the same document.
 */
export function buildOpenApiDocument(mounts: MountedRoutes[], version: string): OpenApiDocument {
  const store = createSchemaStore()
  store.add('Error', toJsonSchema(apiErrorSchema, 'output'))
  const paths: OpenApiDocument['paths'] = {}
  const ids = new Set<string>()
  for (const { prefix, routes } of mounts) {
    for (const route of routes) {
      const path = openApiPath(prefix, route.path)
      const described = operation(route, path, store)
      if (ids.has(described.operationId)) {
        throw new Error(`operationId ${described.operationId} of ${route.method} ${path} is taken`)
      }
      ids.add(described.operationId)
      paths[path] = { ...paths[path], [route.method.toLowerCase()]: described }
    }
  }
  const tags = [
    ...new Set(Object.values(paths).flatMap((ops) => Object.values(ops).flatMap((op) => op.tags))),
  ]
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mission Control API',
      version,
      description:
        'The HTTP API of Mission Control. Errors are always `{ error, details? }` (the `Error` schema).',
    },
    tags: tags.sort().map((name) => ({ name })),
    paths,
    components: { schemas: store.components, securitySchemes },
  }
}
