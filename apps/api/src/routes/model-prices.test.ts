import { auditResponseSchema, modelPriceResponseSchema, modelPricesResponseSchema } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Call, callerWithRole } from '../testing/alert-factories.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()
let viewer: Call
let operator: Call
let admin: Call

beforeAll(async () => {
  viewer = await callerWithRole(t, 'viewer')
  operator = await callerWithRole(t, 'operator')
  admin = await callerWithRole(t, 'admin')
})

async function prices() {
  const res = await viewer('GET', '/api/model-prices')
  expect(res.status, res.text).toBe(200)
  return modelPricesResponseSchema.parse(res.body).prices
}

/** The audit entries of a model's price, newest first. */
async function auditOf(model: string) {
  const res = await admin('GET', '/api/audit?limit=200')
  expect(res.status, res.text).toBe(200)
  return auditResponseSchema
    .parse(res.body)
    .entries.filter((entry) => entry.target === `model_price:${model}`)
}

describe('model prices', () => {
  it('lists the seeded prices of common models, by name', async () => {
    const list = await prices()
    expect(list.find((price) => price.model === 'claude-sonnet-4')).toMatchObject({
      input_usd_per_mtok: 3,
      output_usd_per_mtok: 15,
    })
    const names = list.map((price) => price.model)
    expect(names).toEqual([...names].sort())
  })

  it('creates a price (201), updates it (200), and audits both with what changed', async () => {
    const created = await admin('PUT', '/api/model-prices/acme-large', {
      input_usd_per_mtok: 1.25,
      output_usd_per_mtok: 5,
    })
    expect(created.status, created.text).toBe(201)
    expect(modelPriceResponseSchema.parse(created.body).price).toMatchObject({
      model: 'acme-large',
      input_usd_per_mtok: 1.25,
      output_usd_per_mtok: 5,
    })
    const updated = await admin('PUT', '/api/model-prices/acme-large', {
      input_usd_per_mtok: 0,
      output_usd_per_mtok: 6,
    })
    expect(updated.status, updated.text).toBe(200)
    expect((await prices()).filter((price) => price.model === 'acme-large')).toEqual([
      expect.objectContaining({ input_usd_per_mtok: 0, output_usd_per_mtok: 6 }),
    ])
    expect(await auditOf('acme-large')).toEqual([
      expect.objectContaining({
        action: 'model_price.set',
        detail: {
          before: { input_usd_per_mtok: 1.25, output_usd_per_mtok: 5 },
          after: { input_usd_per_mtok: 0, output_usd_per_mtok: 6 },
        },
      }),
      expect.objectContaining({
        action: 'model_price.set',
        detail: { before: null, after: { input_usd_per_mtok: 1.25, output_usd_per_mtok: 5 } },
      }),
    ])
  })

  it('takes a model name with a slash, percent-encoded', async () => {
    const res = await admin('PUT', '/api/model-prices/openrouter%2Facme-small', {
      input_usd_per_mtok: 0.1,
      output_usd_per_mtok: 0.2,
    })
    expect(res.status, res.text).toBe(201)
    expect((await prices()).map((price) => price.model)).toContain('openrouter/acme-small')
    expect((await admin('DELETE', '/api/model-prices/openrouter%2Facme-small')).status).toBe(200)
  })

  it('deletes a price (audited), and answers 404 for a model without one', async () => {
    await admin('PUT', '/api/model-prices/acme-old', { input_usd_per_mtok: 1, output_usd_per_mtok: 2 })
    const deleted = await admin('DELETE', '/api/model-prices/acme-old')
    expect(deleted.status, deleted.text).toBe(200)
    expect(deleted.body).toEqual({ deleted: true, model: 'acme-old' })
    expect((await prices()).map((price) => price.model)).not.toContain('acme-old')
    expect((await auditOf('acme-old'))[0]).toMatchObject({
      action: 'model_price.delete',
      detail: { before: { input_usd_per_mtok: 1, output_usd_per_mtok: 2 } },
    })
    const again = await admin('DELETE', '/api/model-prices/acme-old')
    expect(again.status).toBe(404)
    expect(again.body).toEqual({ error: 'no price for model acme-old' })
  })

  it('refuses prices that are missing, negative, too large or not numbers, and unknown fields', async () => {
    const cases: [unknown, string][] = [
      [{ input_usd_per_mtok: 1 }, 'output_usd_per_mtok'],
      [{ input_usd_per_mtok: -1, output_usd_per_mtok: 1 }, 'input_usd_per_mtok'],
      [{ input_usd_per_mtok: 1, output_usd_per_mtok: 100_001 }, 'output_usd_per_mtok'],
      [{ input_usd_per_mtok: '1', output_usd_per_mtok: 1 }, 'input_usd_per_mtok'],
      [{ input_usd_per_mtok: 1, output_usd_per_mtok: 1, currency: 'EUR' }, 'currency'],
    ]
    for (const [body, path] of cases) {
      const res = await admin('PUT', '/api/model-prices/acme-invalid', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body).toMatchObject({ details: [expect.objectContaining({ path })] })
    }
    const blank = await admin('PUT', '/api/model-prices/%20', {
      input_usd_per_mtok: 1,
      output_usd_per_mtok: 1,
    })
    expect(blank.status).toBe(400)
    expect(blank.body).toMatchObject({ details: [expect.objectContaining({ path: 'model' })] })
    const long = await admin('PUT', `/api/model-prices/${'m'.repeat(201)}`, {
      input_usd_per_mtok: 1,
      output_usd_per_mtok: 1,
    })
    expect(long.status).toBe(400)
    expect((await prices()).map((price) => price.model)).not.toContain('acme-invalid')
  })

  it('lets viewers read and only admins change prices', async () => {
    const body = { input_usd_per_mtok: 1, output_usd_per_mtok: 1 }
    for (const caller of [viewer, operator]) {
      expect((await caller('PUT', '/api/model-prices/acme-forbidden', body)).status).toBe(403)
      expect((await caller('DELETE', '/api/model-prices/claude-sonnet-4')).status).toBe(403)
    }
    expect((await t.app.request('/api/model-prices')).status).toBe(401)
    expect((await prices()).map((price) => price.model)).not.toContain('acme-forbidden')
    expect((await prices()).map((price) => price.model)).toContain('claude-sonnet-4')
  })
})
