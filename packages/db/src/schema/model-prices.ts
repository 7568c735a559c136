import { doublePrecision, pgTable, text } from 'drizzle-orm/pg-core'
import { updatedAt } from './columns.ts'

/** US dollars per million tokens, per model: prices the usage CLI agents report without a cost. */
export const modelPrices = pgTable('model_prices', {
  model: text('model').primaryKey(),
  inputUsdPerMtok: doublePrecision('input_usd_per_mtok').notNull(),
  outputUsdPerMtok: doublePrecision('output_usd_per_mtok').notNull(),
  updatedAt: updatedAt(),
})
