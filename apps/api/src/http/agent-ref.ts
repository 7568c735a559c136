import type { Context } from 'hono'
import { z } from 'zod'
import { HttpError } from './http-error.ts'
import { idFromText } from './validation.ts'

const agentRefSchema = z.string().min(1).max(200)

/** `:id` of an `/agents/:id…` path, for the docs of those routes. */
export const agentRefParamsSchema = z.object({
  id: agentRefSchema.describe("the agent's numeric id, or its name"),
})

/**
 * `:id` of an `/agents/:id…` path: the agent's numeric id or its name, as CLI tools know one or the
 * other. Digits are an id (Hono has already decoded the parameter).
 */
export function parseAgentRef(c: Context): number | string {
  const raw = c.req.param('id') ?? ''
  if (!agentRefSchema.safeParse(raw).success) {
    throw new HttpError(400, 'the agent id or name is missing or too long')
  }
  return /^\d+$/.test(raw) ? idFromText(raw) : raw
}
