import { deleteModelPrice, listModelPrices, type ModelPriceRow, upsertModelPrice } from '@mc/db'
import {
  deleteModelPriceResponseSchema,
  modelNameSchema,
  modelPriceInputSchema,
  modelPriceResponseSchema,
  modelPricesResponseSchema,
} from '@mc/shared'
import type { Context } from 'hono'
import { z } from 'zod'
import type { RouteDeps } from '../app-deps.ts'
import { requestAudit } from '../audit/request-audit.ts'
import { HttpError } from '../http/http-error.ts'
import type { RouteDef } from '../http/route.ts'
import { fieldIssues, parseBody } from '../http/validation.ts'
import { presentModelPrice } from '../presenters/model-prices.ts'

const modelParamsSchema = z.object({
  model: modelNameSchema.describe('the model name, percent-encoded when it holds a `/` (`openai%2Fgpt-4o`)'),
})

/** The model named in the path (percent-encoded when it holds a `/`, as `openai%2Fgpt-4o`). */
function parseModel(c: Context): string {
  const result = modelNameSchema.safeParse(c.req.param('model'))
  if (!result.success) {
    throw new HttpError(
      400,
      'invalid model name',
      fieldIssues(result.error).map((i) => ({ ...i, path: 'model' })),
    )
  }
  return result.data
}

const targetOf = (model: string) => `model_price:${model}`
const auditPrices = (row: ModelPriceRow | undefined) =>
  row && { input_usd_per_mtok: row.inputUsdPerMtok, output_usd_per_mtok: row.outputUsdPerMtok }

/** The price table CLI agents' usage is costed by: anyone signed in reads it, admins edit it. */
export function modelPriceRoutes({ db, config }: Pick<RouteDeps, 'db' | 'config'>): RouteDef[] {
  const audit = requestAudit(db, config)
  return [
    {
      method: 'GET',
      path: '/model-prices',
      access: 'viewer',
      doc: {
        summary: 'List model prices',
        description:
          "The price table CLI agents' token usage is costed by, in US dollars per million tokens.",
        responses: { 200: modelPricesResponseSchema },
      },
      handler: async (c) => c.json({ prices: (await listModelPrices(db)).map(presentModelPrice) }),
    },
    {
      method: 'PUT',
      path: '/model-prices/:model',
      access: 'admin',
      doc: {
        summary: 'Set a model price',
        description: "Adds the model's price (201) or replaces it (200). Audited.",
        params: modelParamsSchema,
        body: modelPriceInputSchema,
        responses: { 200: modelPriceResponseSchema, 201: modelPriceResponseSchema },
      },
      handler: async (c) => {
        const model = parseModel(c)
        const body = await parseBody(c, modelPriceInputSchema)
        const { before, after } = await upsertModelPrice(db, model, {
          inputUsdPerMtok: body.input_usd_per_mtok,
          outputUsdPerMtok: body.output_usd_per_mtok,
        })
        await audit(c, 'model_price.set', targetOf(model), {
          before: auditPrices(before) ?? null,
          after: auditPrices(after),
        })
        return c.json({ price: presentModelPrice(after) }, before ? 200 : 201)
      },
    },
    {
      method: 'DELETE',
      path: '/model-prices/:model',
      access: 'admin',
      doc: {
        summary: 'Delete a model price',
        description: "Removes the model's price. Audited.",
        params: modelParamsSchema,
        responses: { 200: deleteModelPriceResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const model = parseModel(c)
        const row = await deleteModelPrice(db, model)
        if (!row) throw new HttpError(404, `no price for model ${model}`)
        await audit(c, 'model_price.delete', targetOf(model), { before: auditPrices(row) })
        return c.json({ deleted: true as const, model })
      },
    },
  ]
}
