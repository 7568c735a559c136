import { z } from 'zod'
import { newPasswordSchema, usernameSchema, userSchema } from './auth.ts'
import { roleSchema } from './roles.ts'

export const createUserRequestSchema = z.strictObject({
  username: usernameSchema,
  password: newPasswordSchema,
  role: roleSchema,
})
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>

/** Change role, disable/enable, or reset the password; at least one of them. */
export const updateUserRequestSchema = z
  .strictObject({
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: newPasswordSchema.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'nothing to change: give role, disabled or password',
  })
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>

export const userResponseSchema = z.object({ user: userSchema })
export const usersResponseSchema = z.object({ users: z.array(userSchema) })
