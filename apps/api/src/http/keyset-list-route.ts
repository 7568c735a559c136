import type { z } from 'zod'
import type { Access } from '../auth/authorize.ts'
import type { RouteDef, RouteDoc } from './route.ts'
import { parseQuery } from './validation.ts'

interface KeysetListRoute<Query, Row> {
  path: string
  access: Access
  /** An object schema: the route's doc lists its fields as query parameters. */
  query: z.ZodObject & z.ZodType<Query>
  /** The list's name in the answer: `{ [key]: items, next_before }`. */
  key: string
  /** Reads one page (newest first) for the parsed query. */
  list: (query: Query) => Promise<{ rows: Row[]; nextBefore: number | null }>
  present: (row: Row) => unknown
  /** The answer's contract: `{ [key]: …, next_before }`. */
  response: z.ZodType
  /** What the route's doc says besides its query and answer, which come from `query` and `response`. */
  doc: Omit<RouteDoc, 'query' | 'responses'>
}

/**
 * A GET of a keyset-paged list: parse the query, read a page, answer its rows and the cursor of the
 * next page (`next_before`, null on the last page).
 */
export function keysetListRoute<Query, Row>(route: KeysetListRoute<Query, Row>): RouteDef {
  return {
    method: 'GET',
    path: route.path,
    access: route.access,
    handler: async (c) => {
      const page = await route.list(parseQuery(c, route.query))
      return c.json({ [route.key]: page.rows.map(route.present), next_before: page.nextBefore })
    },
    doc: { ...route.doc, query: route.query, responses: { 200: route.response } },
  }
}
