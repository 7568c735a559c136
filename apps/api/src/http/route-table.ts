import type { Context, Handler } from 'hono'
import type { AppEnv } from './app-env.ts'
import { notFoundHandler } from './error-handler.ts'
import { HttpError } from './http-error.ts'
import type { RouteDef } from './route.ts'

const METHODS: RouteDef['method'][] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']

const isParam = (segment: string) => segment.startsWith(':')

/** Two routes of one method whose paths differ only in parameter names: the first would take all. */
function assertNoShadowing(routes: RouteDef[]): void {
  const seen = new Set<string>()
  for (const route of routes) {
    const key = `${route.method} ${route.path.replace(/:[^/]+/g, ':')}`
    if (seen.has(key)) throw new Error(`${route.method} ${route.path} is declared twice`)
    seen.add(key)
  }
}

/**
 * Routes in the order to register them: at the first segment where two differ in kind, the static
 * one comes first, so `/gateways/status-changes` is never taken for a `/gateways/:id` whatever the
 * order of the list. Two routes that could match the same request otherwise are refused, so the
 * order of the list never decides which one answers.
 */
export function byPrecedence(routes: RouteDef[]): RouteDef[] {
  assertNoShadowing(routes)
  // Per segment: 0 past the end, 1 static, 2 parameter; compared like words in a dictionary.
  const kinds = (route: RouteDef) => route.path.split('/').map((segment) => (isParam(segment) ? 2 : 1))
  const specificity = (a: RouteDef, b: RouteDef) => {
    const [left, right] = [kinds(a), kinds(b)]
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const difference = (left[i] ?? 0) - (right[i] ?? 0)
      if (difference !== 0) return difference
    }
    return 0
  }
  return [...routes].sort(specificity)
}

function methodNotAllowed(c: Context, allowed: string[]): never {
  const message = `${c.req.method} ${c.req.path} is not allowed: use ${allowed.join(', ')}`
  // Hono answers HEAD from the GET route.
  const allow = allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed
  throw new HttpError(405, message, undefined, { Allow: allow.join(', ') })
}

/**
 * Handlers for the methods a static path does not have, to register before the routes: a path
 * that exists belongs to its own routes, so `GET /gateways/health` (only POST exists) is a 405
 * instead of a `GET /gateways/:id` with the id "health".
 */
export function staticPathGuards(routes: RouteDef[]) {
  const staticPaths = [...new Set(routes.filter((r) => !r.path.includes(':')).map((r) => r.path))]
  return staticPaths.map((path) => {
    const allowed = routes.filter((r) => r.path === path).map((r) => r.method)
    const handler: Handler<AppEnv> = (c) => methodNotAllowed(c, allowed)
    return { path, methods: METHODS.filter((m) => !allowed.includes(m)), handler }
  })
}

/** For a request no route took: 405 with `Allow` when its path exists for other methods, else 404. */
export function unmatchedHandler(routes: RouteDef[], basePath: string): Handler<AppEnv> {
  const patterns = routes.map((route) => ({
    method: route.method,
    pattern: new RegExp(
      `^${route.path
        .split('/')
        .map((segment) => (isParam(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/')}$`,
    ),
  }))
  return (c) => {
    const path = c.req.path.slice(basePath.length)
    const allowed = [...new Set(patterns.filter((p) => p.pattern.test(path)).map((p) => p.method))]
    return allowed.length > 0 ? methodNotAllowed(c, allowed) : notFoundHandler(c)
  }
}
