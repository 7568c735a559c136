import type { Context } from 'hono'
import { HttpError } from './http-error.ts'
import { idFromText } from './validation.ts'

/**
 * `:id` of an `/agents/:id…` path: the agent's numeric id or its name, as CLI tools know one or the
 * other. Digits are an id (Hono has already decoded the parameter).
 */
export function parseAgentRef(c: Context): number | string {
  const raw = c.req.param('id') ?? ''
  if (raw === '' || raw.length > 200) throw new HttpError(400, 'the agent id or name is missing or too long')
  return /^\d+$/.test(raw) ? idFromText(raw) : raw
}
