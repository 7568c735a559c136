import { z } from 'zod'
import { roleSchema } from './roles.ts'
import { nullableUnixSecondsSchema, unixSecondsSchema } from './time.ts'

export const apiKeySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The key's first characters, to tell keys apart; never enough to use it. */
  prefix: z.string(),
  role: roleSchema,
  /** The user it belongs to: it acts with at most that user's current role, and not at all once they are disabled. */
  owner: z.string().nullable(),
  /** Ownerless by design: made by the MC_API_KEY automation key (or one of its keys). */
  automation: z.boolean(),
  created_at: unixSecondsSchema,
  last_used_at: nullableUnixSecondsSchema,
  revoked_at: nullableUnixSecondsSchema,
})
export type ApiKey = z.infer<typeof apiKeySchema>

export const createApiKeyRequestSchema = z.strictObject({
  name: z.string().trim().min(1, 'required').max(100, 'at most 100 characters'),
  role: roleSchema,
})
export type CreateApiKeyRequest = z.infer<typeof createApiKeyRequestSchema>

/** `key` is the full secret: this is the only response that ever contains it. */
export const createApiKeyResponseSchema = z.object({ api_key: apiKeySchema, key: z.string() })
export type CreateApiKeyResponse = z.infer<typeof createApiKeyResponseSchema>

export const apiKeyResponseSchema = z.object({ api_key: apiKeySchema })
export const apiKeysResponseSchema = z.object({ api_keys: z.array(apiKeySchema) })
