import { z } from 'zod'
import { unixSecondsSchema } from './time.ts'

/** What a model costs, in US dollars per million tokens: prices CLI agents' usage. */
export const modelPriceSchema = z.object({
  model: z.string(),
  input_usd_per_mtok: z.number(),
  output_usd_per_mtok: z.number(),
  updated_at: unixSecondsSchema,
})
export type ModelPrice = z.infer<typeof modelPriceSchema>

export const modelNameSchema = z.string().trim().min(1).max(200)

const price = z
  .number({ error: 'must be a number of dollars per million tokens' })
  .min(0, 'must not be negative')
  .max(100_000, 'must be at most 100000')

/** `PUT /api/model-prices/:model` (admin). */
export const modelPriceInputSchema = z.strictObject({
  input_usd_per_mtok: price,
  output_usd_per_mtok: price,
})
export type ModelPriceInput = z.infer<typeof modelPriceInputSchema>

export const modelPricesResponseSchema = z.object({ prices: z.array(modelPriceSchema) })
export const modelPriceResponseSchema = z.object({ price: modelPriceSchema })
/** `DELETE /api/model-prices/:model` (admin). */
export const deleteModelPriceResponseSchema = z.object({ deleted: z.literal(true), model: z.string() })
