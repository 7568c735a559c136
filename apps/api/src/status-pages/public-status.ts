import {
  type DailyCounts,
  findStatusPageBySlug,
  type RolledUpDaysCache,
  readStatusPage,
  type StatusPageRow,
} from '@mc/db'
import {
  type PublicStatusResponse,
  STATUS_PAGE_DAYS,
  STATUS_PAGE_INCIDENT_DAYS,
  statusPageSlugSchema,
} from '@mc/shared'
import type { Context } from 'hono'
import type { RouteDeps } from '../app-deps.ts'
import { HttpError } from '../http/http-error.ts'
import { presentPublicStatus } from '../presenters/status-pages.ts'

/** A page lists this many incidents at most: enough for a bad fortnight, bounded for the public. */
const INCIDENT_LIMIT = 50
/** Rolled-up days of this many pages (gateway lists) are kept; each is ~1 KB per gateway. */
const CACHED_PAGES = 64
/**
 * A page's figures are read at most this often per process, however many ask: a crowd on a public
 * page during an outage costs one read a second, and the page is at most this much behind.
 */
const FRESH_MS = 1000

/** A map of at most CACHED_PAGES entries, the one set longest ago dropped first. */
function boundedMap<V>() {
  const entries = new Map<string, V>()
  return {
    get: (key: string) => entries.get(key),
    set: (key: string, value: V) => {
      entries.delete(key)
      entries.set(key, value)
      const oldest = entries.keys().next().value
      if (entries.size > CACHED_PAGES && oldest !== undefined) entries.delete(oldest)
    },
    delete: (key: string) => entries.delete(key),
  }
}

export interface VisibleStatus {
  page: StatusPageRow
  status: PublicStatusResponse
}

/** Who asked for the page: a caller with a valid sign-in or key of any role may preview a private page. */
async function isSignedIn(c: Context, authenticate: RouteDeps['authenticate']): Promise<boolean> {
  try {
    await authenticate(c)
    return true
  } catch (error) {
    if (error instanceof HttpError && error.status === 401) return false
    throw error
  }
}

/**
 * `/status/:slug` and `/api/status/:slug` read a page through this: a private page, like an
 * unknown slug, is a 404 to anyone not signed in, so its existence is not revealed.
 */
export function publicStatusReader({
  db,
  config,
  authenticate,
}: Pick<RouteDeps, 'db' | 'config' | 'authenticate'>) {
  const rolledUpDays: RolledUpDaysCache = boundedMap<DailyCounts>()
  const recent = boundedMap<{ at: number; status: Promise<PublicStatusResponse> }>()
  const options = {
    days: STATUS_PAGE_DAYS,
    incidentDays: STATUS_PAGE_INCIDENT_DAYS,
    incidentLimit: INCIDENT_LIMIT,
  }

  /** The page's figures, read again once FRESH_MS old (or once the page changed); one read at a time. */
  function figures(page: StatusPageRow): Promise<PublicStatusResponse> {
    const key = `${page.id}:${page.updatedAt.getTime()}`
    const cached = recent.get(key)
    if (cached && Date.now() - cached.at < FRESH_MS) return cached.status
    const status = readStatusPage(db, page.gatewayIds, options, rolledUpDays).then((read) =>
      presentPublicStatus(page, read, config.STATUS_PAGE_REFRESH_S),
    )
    recent.set(key, { at: Date.now(), status })
    status.catch(() => recent.delete(key))
    return status
  }

  // The page row itself is read on every request, so making a page private takes effect at once.
  return async (c: Context, rawSlug: string): Promise<VisibleStatus> => {
    const slug = statusPageSlugSchema.safeParse(rawSlug)
    const page = slug.success ? await findStatusPageBySlug(db, slug.data) : undefined
    if (!page || (!page.public && !(await isSignedIn(c, authenticate)))) {
      throw new HttpError(404, `no status page "${rawSlug.slice(0, 64)}"`)
    }
    return { page, status: await figures(page) }
  }
}

/** Proxies may keep a public page briefly (never longer than it refreshes); a private one nowhere. */
export function statusCacheControl(page: StatusPageRow, refreshS: number): string {
  return page.public ? `public, max-age=${Math.min(10, refreshS)}` : 'private, no-store'
}
