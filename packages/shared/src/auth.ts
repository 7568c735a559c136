import { z } from 'zod'
import { roleSchema } from './roles.ts'
import { nullableUnixSecondsSchema, unixSecondsSchema } from './time.ts'

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/
export const PASSWORD_MIN_LENGTH = 10

export const usernameSchema = z
  .string()
  .regex(
    USERNAME_PATTERN,
    '3–64 characters: letters, digits, dot, dash or underscore, starting with a letter or digit',
  )
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(1000, 'at most 1000 characters')

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  last_login_at: nullableUnixSecondsSchema,
  created_at: unixSecondsSchema,
  updated_at: unixSecondsSchema,
})
export type User = z.infer<typeof userSchema>

/** Who is calling: a signed-in user, an API key, or the MC_API_KEY automation key. */
export const principalSchema = z.object({
  kind: z.enum(['user', 'api_key', 'env_key']),
  id: z.number().int().nullable(),
  name: z.string(),
  role: roleSchema,
})
export type Principal = z.infer<typeof principalSchema>

export const loginRequestSchema = z.strictObject({
  username: z.string().min(1, 'required').max(100),
  password: z.string().min(1, 'required').max(1000),
})
export type LoginRequest = z.infer<typeof loginRequestSchema>

export const loginResponseSchema = z.object({ user: userSchema })
export const meResponseSchema = z.object({ principal: principalSchema, user: userSchema.nullable() })
export type MeResponse = z.infer<typeof meResponseSchema>
/** `POST /api/auth/logout`. */
export const logoutResponseSchema = z.object({ ok: z.literal(true) })
