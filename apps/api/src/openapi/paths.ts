import type { RouteDef } from '../http/route.ts'

const PARAM = /^:([A-Za-z0-9_]+)/

const words = (text: string) => text.split(/[^A-Za-z0-9]+/).filter(Boolean)
const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)

/** The URL the route answers at, in OpenAPI's template form: `/api` + `/gateways/:id` → `/api/gateways/{id}`. */
export function openApiPath(prefix: string, path: string): string {
  const below = path === '/' && prefix !== '' ? '' : path
  return `${prefix}${below}`
    .split('/')
    .map((segment) => segment.replace(/^:([A-Za-z0-9_]+)(\{.*\})?$/, '{$1}'))
    .join('/')
}

/** The names of a route's path parameters, in URL order. */
export function pathParamNames(path: string): string[] {
  return path.split('/').flatMap((segment) => segment.match(PARAM)?.[1] ?? [])
}

/**
 * The operation's id, derived from the method and the whole URL path so it stays put as long as the
 * URL does, and two routes cannot share one: the method in lower case, then each segment's words
 * capitalized, a parameter as `By<Name>`. `GET /api/gateways/{id}/health` → `getApiGatewaysByIdHealth`,
 * `POST /api/auth/login` → `postApiAuthLogin`, `GET /metrics` → `getMetrics`.
 */
export function operationId(method: RouteDef['method'], path: string): string {
  const parts = path.split('/').flatMap((segment) => {
    const param = segment.match(/^\{(.+)\}$/)?.[1]
    return param === undefined ? words(segment) : ['by', ...words(param)]
  })
  return method.toLowerCase() + parts.map(capitalized).join('')
}

/** The reference groups operations by the first segment below the mount point: `gateways`, `auth`, `metrics`. */
export function tagOf(path: string): string {
  return path.split('/').find(Boolean)?.replace(PARAM, '$1') ?? 'root'
}
