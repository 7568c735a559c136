import { type ModelPriceRow, unixSeconds } from '@mc/db'
import type { ModelPrice } from '@mc/shared'

export function presentModelPrice(row: ModelPriceRow): ModelPrice {
  return {
    model: row.model,
    input_usd_per_mtok: row.inputUsdPerMtok,
    output_usd_per_mtok: row.outputUsdPerMtok,
    updated_at: unixSeconds(row.updatedAt),
  }
}
