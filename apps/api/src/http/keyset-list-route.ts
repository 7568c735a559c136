import type { z } from 'zod'
import type { Access } from '../auth/authorize.ts'
import type { RouteDef } from './route.ts'
import { parseQuery } from './validation.ts'

interface KeysetListRoute<Query, Row> {
  path: string
  access: Access
  query: z.ZodType<Query>
  /** The list's name in the answer: `{ [key]: items, next_before }`. */
  key: string
  /** Reads one page (newest first) for the parsed query. */
  list: (query: Query) => Promise<{ rows: Row[]; nextBefore: number | null }>
  present: (row: Row) => unknown
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
  }
}
