import { asc, eq, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { modelPrices } from '../schema/model-prices.ts'

export type ModelPriceRow = typeof modelPrices.$inferSelect

export interface ModelPriceValues {
  inputUsdPerMtok: number
  outputUsdPerMtok: number
}

/**
 * What `input` and `output` tokens of `model` cost in US dollars by the price table, 0 for a model
 * it does not price: how the usage report and the token budget price CLI agents' usage alike.
 */
export const priceOfTokens = (input: SQL, output: SQL, model: SQL) =>
  sql`coalesce((select (${input} * p.input_usd_per_mtok + ${output} * p.output_usd_per_mtok) / 1e6
    from model_prices p where p.model = ${model}), 0)`

export async function listModelPrices(db: Database): Promise<ModelPriceRow[]> {
  return db.select().from(modelPrices).orderBy(asc(modelPrices.model))
}

/** Sets the model's prices; `before` is its row before (undefined when the model was not priced). */
export async function upsertModelPrice(
  db: Database,
  model: string,
  values: ModelPriceValues,
): Promise<{ before: ModelPriceRow | undefined; after: ModelPriceRow }> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(modelPrices).where(eq(modelPrices.model, model)).for('update')
    const [after] = await tx
      .insert(modelPrices)
      .values({ model, ...values })
      .onConflictDoUpdate({ target: modelPrices.model, set: { ...values, updatedAt: sql`now()` } })
      .returning()
    if (!after) throw new Error('model price upsert returned nothing')
    return { before, after }
  })
}

/** The row it deleted; undefined when the model had no price. */
export async function deleteModelPrice(db: Database, model: string): Promise<ModelPriceRow | undefined> {
  const [row] = await db.delete(modelPrices).where(eq(modelPrices.model, model)).returning()
  return row
}
