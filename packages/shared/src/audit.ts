import { z } from 'zod'
import { queryInt } from './query-params.ts'
import { unixSecondsSchema } from './time.ts'

export const auditEntrySchema = z.object({
  id: z.number().int(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.unknown().nullable(),
  ip: z.string().nullable(),
  at: unixSecondsSchema,
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

/** `GET /api/audit` query: newest first; pass `next_before` back as `before` for the next page. */
export const auditQuerySchema = z.strictObject({
  limit: queryInt(1, 200).default(50),
  before: queryInt(1, Number.MAX_SAFE_INTEGER).optional(),
  action: z.string().max(100).optional(),
  actor: z.string().max(200).optional(),
  since: queryInt(0, 2 ** 40).optional(),
  until: queryInt(0, 2 ** 40).optional(),
})
export type AuditQuery = z.infer<typeof auditQuerySchema>

export const auditResponseSchema = z.object({
  entries: z.array(auditEntrySchema),
  next_before: z.number().int().nullable(),
})
export type AuditResponse = z.infer<typeof auditResponseSchema>
