import fc from 'fast-check'
import type { z } from 'zod'
import type { Access } from '../auth/authorize.ts'
import { SIGN_IN_COOKIE } from '../auth/sign-in-cookie.ts'
import {
  badEncoding,
  hostileJson,
  hostileString,
  missingParam,
  notJson,
  percentEncode,
  unstorableText,
} from './hostile-values.ts'
import { withDepth, withText } from './poison-body.ts'

/** An endpoint as the route list declares it (`path` below `/api`). */
export interface Endpoint {
  method: string
  path: string
  access: Access
}

/** What a fuzzer knows of an endpoint's JSON body. */
export interface BodySpec {
  schema: z.ZodObject
  /** Bodies the schema accepts: poisoned in one spot, only the poison keeps them from the database. */
  valid?: fc.Arbitrary<Record<string, unknown>>
  /** Fields naming the row the request acts on, given values that name none: the request must fail. */
  target?: fc.Arbitrary<Record<string, unknown>>
  /**
   * The path names what a valid body creates or replaces (`PUT /model-prices/:model`): there, only
   * a body the schema refuses keeps a request to any path from succeeding.
   */
  upsert?: true
}

/** What a fuzzer knows of an endpoint's query. */
export interface QuerySpec {
  keys: string[]
  /** A query the endpoint must refuse, whatever else it holds. */
  refused: fc.Arbitrary<Record<string, string>>
  /** Whether any query at all may be sent without a poison (a GET that answers at once). */
  harmless: boolean
}

export interface FuzzPlan {
  endpoints: Endpoint[]
  bodies: Record<string, BodySpec>
  queries: Record<string, QuerySpec>
  /** Endpoints that read no body: a bad body alone is not refused there. */
  bodyIgnored: Set<string>
  /** Path parameters naming rows that exist, for requests that fail for another reason. */
  existingParams: Record<string, string[]>
  credentials: { admin: string; viewer: string; adminSignInToken: string }
  bodyLimitBytes: number
}

export interface HostileRequest {
  /** Which poison it carries, for the report. */
  kind: string
  endpoint: string
  method: string
  /** As sent on the wire. */
  path: string
  headers: Record<string, string>
  body?: string
  /** A GET with hostile but possibly valid values: anything but a 5xx is right. */
  mayPass: boolean
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const contentTypes = fc.constantFrom(
  'application/json',
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  '',
)

const keyOf = (e: Endpoint) => `${e.method} ${e.path}`
const isParam = (segment: string) => segment.startsWith(':')

/** Methods some endpoint answers on this concrete path (a superset of what the server allows). */
function allowedOn(endpoints: Endpoint[], path: string): Set<string> {
  const target = path.split('/')
  const matches = (pattern: string) => {
    const parts = pattern.split('/')
    return parts.length === target.length && parts.every((p, i) => isParam(p) || p === target[i])
  }
  return new Set(endpoints.filter((e) => matches(e.path)).map((e) => e.method))
}

const queryString = (query: Record<string, string>) => {
  const pairs = Object.entries(query).map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
  return pairs.length > 0 ? `?${pairs.join('&')}` : ''
}

/** Random values for a schema's own fields, some left out: the shape of a body, not a valid one. */
const fieldsOf = (spec: BodySpec | undefined) =>
  spec
    ? fc.record(Object.fromEntries(Object.keys(spec.schema.shape).map((k) => [k, hostileJson])), {
        requiredKeys: [],
      })
    : fc.dictionary(hostileString, hostileJson, { maxKeys: 3 })

/** Every kind of hostile request `endpoint` must refuse (or, for `mayPass`, survive). */
function requestsFor(plan: FuzzPlan, endpoint: Endpoint): fc.Arbitrary<HostileRequest> {
  const key = keyOf(endpoint)
  const bodySpec = plan.bodies[key]
  const querySpec = plan.queries[key]
  const readsBody = BODY_METHODS.has(endpoint.method) && !plan.bodyIgnored.has(key)
  const segments = endpoint.path.split('/')
  const hasParams = segments.some(isParam)
  const existing = plan.existingParams[key] ?? []
  const admin = { 'x-api-key': plan.credentials.admin }

  const fill = (param: string) => segments.map((s) => (isParam(s) ? param : s)).join('/')
  const anyParam = existing.length > 0 ? fc.oneof(missingParam, fc.constantFrom(...existing)) : missingParam
  const anyPath = anyParam.map(fill)
  const fields = fieldsOf(bodySpec)
  const base = bodySpec?.valid ?? fields
  const anyBody = fc.option(
    fc
      .oneof(fields, base)
      .filter((b) => !bodySpec?.upsert || !bodySpec.schema.safeParse(b).success)
      .map((b) => JSON.stringify(b)),
    { nil: undefined },
  )
  const request = (
    kind: string,
    parts: { method?: string; path: string; headers?: Record<string, string>; body?: string; query?: string },
    mayPass = false,
  ): HostileRequest => ({
    kind,
    endpoint: key,
    method: parts.method ?? endpoint.method,
    path: `/api${parts.path}${parts.query ?? ''}`,
    headers: { ...admin, ...parts.headers },
    body: BODY_METHODS.has(parts.method ?? endpoint.method) ? parts.body : undefined,
    mayPass,
  })

  const kinds: fc.Arbitrary<HostileRequest>[] = []

  // Malformed or NUL percent-encoding, in a path segment or the query.
  const segmentCount = segments.length - 1
  kinds.push(
    fc
      .record({
        path: anyPath,
        bad: badEncoding,
        where: fc.integer({ min: 0, max: segmentCount }),
        body: anyBody,
      })
      .map(({ path, bad, where, body }) => {
        if (where === segmentCount) return request('url', { path, query: `?q=${bad}`, body })
        const parts = path.split('/')
        parts[where + 1] = `${parts[where + 1]}${bad}`
        return request('url', { path: parts.join('/'), body })
      }),
  )

  // No, unknown or too weak credentials, and a sign-in cookie without this site's Origin.
  if (endpoint.access !== 'public') {
    const garbage = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 80 })
    const credentials = [
      fc.constant({ 'x-api-key': '' }),
      garbage.map((g) => ({ 'x-api-key': `mc_${g.trim() || 'x'}` })),
      garbage.map((g) => ({ 'x-api-key': '', authorization: `Bearer ${g}` })),
      garbage.map((g) => ({ 'x-api-key': '', cookie: `${SIGN_IN_COOKIE}=${encodeURIComponent(g)}` })),
    ]
    if (endpoint.access !== 'viewer') credentials.push(fc.constant({ 'x-api-key': plan.credentials.viewer }))
    if (BODY_METHODS.has(endpoint.method)) {
      const cookie = `${SIGN_IN_COOKIE}=${plan.credentials.adminSignInToken}`
      credentials.push(
        fc
          .constantFrom({}, { origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' })
          .map((h) => ({ 'x-api-key': '', cookie, ...h })),
      )
    }
    kinds.push(
      fc
        .record({ path: anyPath, headers: fc.oneof(...credentials), body: anyBody })
        .map((parts) => request('credentials', parts)),
    )
  }

  // A method this path does not have.
  kinds.push(
    fc.record({ path: anyPath, pick: fc.nat(), body: anyBody }).map(({ path, pick, body }) => {
      const allowed = allowedOn(plan.endpoints, path)
      if (allowed.has('GET')) allowed.add('HEAD')
      const others = METHODS.filter((m) => !allowed.has(m))
      return request('method', { method: others[pick % others.length], path, body })
    }),
  )

  // A path parameter naming no row, with any body.
  if (hasParams) {
    kinds.push(
      fc
        .record({ param: missingParam, body: anyBody })
        .map(({ param, body }) => request('param', { path: fill(param), body })),
    )
  }

  if (readsBody) {
    const unstorable = fc
      .record({ body: base, text: unstorableText, pick: fc.nat() })
      .map(({ body, text, pick }) => JSON.stringify(withText(body, pick, text)))
    const tooDeep = fc
      .record({ body: base, pick: fc.nat(), depth: fc.integer({ min: 64, max: 6000 }) })
      .map(({ body, pick, depth }) => withDepth(body, pick, depth))
    // Only a schema's own fields are known: elsewhere an unknown field may be fine.
    const unknownField = bodySpec
      ? fc
          .record({ fields, unknown: fc.string({ minLength: 1, maxLength: 20 }), giant: fc.nat({ max: 19 }) })
          .filter(({ unknown }) => !(unknown in bodySpec.schema.shape))
          .map(({ fields, unknown, giant }) => {
            const padding = giant === 0 ? 'x'.repeat(Math.floor(plan.bodyLimitBytes * 0.9)) : true
            return JSON.stringify({ ...fields, [unknown]: padding })
          })
      : unstorable
    const poisonedBody = fc.oneof(
      { arbitrary: notJson, weight: 2 },
      {
        arbitrary: fc
          .oneof(hostileString, fc.array(hostileJson), fc.constant(null))
          .map((v) => JSON.stringify(v)),
        weight: 2,
      },
      // Text Postgres cannot store, in a string or a nested field name.
      { arbitrary: unstorable, weight: 4 },
      // Nested past the limit, up to thousands of levels (a few KB).
      { arbitrary: tooDeep, weight: 2 },
      // An unknown field beside hostile known ones, now and then with a giant string.
      { arbitrary: unknownField, weight: 4 },
      { arbitrary: fc.constant(`"${'y'.repeat(plan.bodyLimitBytes)}"`), weight: 1 },
    )
    const emptyRefused = bodySpec !== undefined && !bodySpec.schema.safeParse({}).success
    const bodies = emptyRefused ? fc.oneof(poisonedBody, fc.constantFrom('', ' ', '{}', '\n')) : poisonedBody
    kinds.push(
      fc
        .record({ path: anyPath, body: bodies, type: contentTypes })
        .map(({ path, body, type }) =>
          request('body', { path, body, headers: type ? { 'content-type': type } : {} }),
        ),
    )
    const target = bodySpec?.target
    if (target) {
      kinds.push(
        fc
          .record({ path: anyPath, body: base, target })
          .map(({ path, body, target }) =>
            request('missing-target', { path, body: JSON.stringify({ ...body, ...target }) }),
          ),
      )
    }
  }

  if (querySpec) {
    kinds.push(
      fc
        .record({ path: anyPath, query: querySpec.refused })
        .map(({ path, query }) => request('query', { path, query: queryString(query) })),
    )
    if (querySpec.harmless) {
      const values = fc.dictionary(
        fc.constantFrom(...querySpec.keys),
        fc.oneof(hostileString, fc.nat().map(String)),
      )
      kinds.push(
        fc
          .record({ path: anyPath, query: values })
          .map(({ path, query }) => request('query-values', { path, query: queryString(query) }, true)),
      )
    }
  }
  return fc.oneof(...kinds)
}

/** Hostile requests spread evenly over every endpoint of the plan. */
export function hostileRequests(plan: FuzzPlan): fc.Arbitrary<HostileRequest> {
  return fc.oneof(...plan.endpoints.map((endpoint) => requestsFor(plan, endpoint)))
}
