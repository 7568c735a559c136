import { z } from 'zod'

/** The one error shape every endpoint answers with. */
export const apiErrorSchema = z.object({
  error: z.string(),
  details: z.unknown().optional(),
})
export type ApiError = z.infer<typeof apiErrorSchema>

/** One entry per invalid field, as returned in `details` of a 400. */
export const fieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
})
export type FieldIssue = z.infer<typeof fieldIssueSchema>
