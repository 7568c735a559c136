import {
  createStatusPage,
  DuplicateStatusPageSlugError,
  deleteStatusPage,
  listStatusPages,
  type StatusPageRow,
  type StatusPageValues,
  UnknownStatusPageGatewaysError,
  updateStatusPage,
} from '@mc/db'
import {
  createStatusPageRequestSchema,
  deletedByIdResponseSchema,
  statusPageResponseSchema,
  statusPagesResponseSchema,
  updateStatusPageRequestSchema,
} from '@mc/shared'
import type { z } from 'zod'
import type { RouteDeps } from '../app-deps.ts'
import { requestAudit } from '../audit/request-audit.ts'
import { HttpError } from '../http/http-error.ts'
import type { RouteDef } from '../http/route.ts'
import { idParamsSchema, parseBody, parseId } from '../http/validation.ts'
import { presentStatusPage } from '../presenters/status-pages.ts'

type StatusPageRequestFields = z.output<typeof createStatusPageRequestSchema>

const targetOf = (row: StatusPageRow) => `status_page:${row.slug}#${row.id}`

/** What the audit log keeps of a page: everything (a page holds no secret). */
const auditDetail = (row: StatusPageRow) => {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = row
  return rest
}

/** A request's fields as the table's values; fields a PATCH leaves out stay undefined. */
function pageValues<T extends Partial<StatusPageRequestFields>>(body: T) {
  return {
    slug: body.slug,
    title: body.title,
    description: body.description,
    gatewayIds: body.gateway_ids,
    public: body.public,
    showErrors: body.show_errors,
  } as T extends StatusPageRequestFields ? StatusPageValues : Partial<StatusPageValues>
}

/** A taken slug is a 409; unknown gateways a 400 naming every unknown id. */
async function asClientError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof DuplicateStatusPageSlugError) {
      throw new HttpError(409, error.message, [{ path: 'slug', message: 'already taken' }])
    }
    if (error instanceof UnknownStatusPageGatewaysError) {
      throw new HttpError(400, error.message, [
        { path: 'gateway_ids', message: `unknown gateway ids: ${error.missing.join(', ')}` },
      ])
    }
    throw error
  }
}

/** Status pages as admins define them; `/status/:slug` shows them (see routes/root.ts). */
export function statusPageRoutes({ db, config }: Pick<RouteDeps, 'db' | 'config'>): RouteDef[] {
  const audit = requestAudit(db, config)
  return [
    {
      method: 'GET',
      path: '/status-pages',
      access: 'viewer',
      doc: {
        summary: 'List status pages',
        description: 'Every page, public or not, by slug: the team may open any of them signed in.',
        responses: { 200: statusPagesResponseSchema },
      },
      handler: async (c) => c.json({ status_pages: (await listStatusPages(db)).map(presentStatusPage) }),
    },
    {
      method: 'POST',
      path: '/status-pages',
      access: 'admin',
      doc: {
        summary: 'Create a status page',
        description:
          'Shown at `/status/<slug>`: the listed gateways in order, their uptime and incidents. ' +
          '409 for a slug already taken, 400 naming unknown gateway ids. Audited.',
        body: createStatusPageRequestSchema,
        responses: { 201: statusPageResponseSchema },
        errors: [409],
      },
      handler: async (c) => {
        const body = await parseBody(c, createStatusPageRequestSchema)
        const row = await asClientError(createStatusPage(db, pageValues(body)))
        await audit(c, 'status_page.create', targetOf(row), auditDetail(row))
        return c.json({ status_page: presentStatusPage(row) }, 201)
      },
    },
    {
      method: 'PATCH',
      path: '/status-pages/:id',
      access: 'admin',
      doc: {
        summary: 'Update a status page',
        description:
          'Changes the fields given; `gateway_ids` replaces the list. 409 for a slug already taken. Audited.',
        params: idParamsSchema,
        body: updateStatusPageRequestSchema,
        responses: { 200: statusPageResponseSchema },
        errors: [404, 409],
      },
      handler: async (c) => {
        const id = parseId(c)
        const body = await parseBody(c, updateStatusPageRequestSchema)
        const result = await asClientError(updateStatusPage(db, id, pageValues(body)))
        if (!result) throw new HttpError(404, `no status page with id ${id}`)
        await audit(c, 'status_page.update', targetOf(result.after), {
          before: auditDetail(result.before),
          after: auditDetail(result.after),
        })
        return c.json({ status_page: presentStatusPage(result.after) })
      },
    },
    {
      method: 'DELETE',
      path: '/status-pages/:id',
      access: 'admin',
      doc: {
        summary: 'Delete a status page',
        description: 'Its URL and badges answer 404 from then on. Audited.',
        params: idParamsSchema,
        responses: { 200: deletedByIdResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const id = parseId(c)
        const row = await deleteStatusPage(db, id)
        if (!row) throw new HttpError(404, `no status page with id ${id}`)
        await audit(c, 'status_page.delete', targetOf(row), auditDetail(row))
        return c.json({ deleted: true as const, id })
      },
    },
  ]
}
