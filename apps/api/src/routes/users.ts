import { createUser, deleteSignInsOfUser, LastAdminError, listUsers, recordAudit, updateUser } from '@mc/db'
import {
  createUserRequestSchema,
  updateUserRequestSchema,
  userResponseSchema,
  usersResponseSchema,
} from '@mc/shared'
import type { RouteDeps } from '../app-deps.ts'
import { actorName } from '../auth/actor.ts'
import { clientIp } from '../auth/client-ip.ts'
import { hashPassword } from '../auth/passwords.ts'
import { HttpError } from '../http/http-error.ts'
import type { RouteDef } from '../http/route.ts'
import { idParamsSchema, parseBody, parseId } from '../http/validation.ts'
import { presentUser } from '../presenters/users.ts'

export function userRoutes({
  db,
  config,
  keyCache,
}: Pick<RouteDeps, 'db' | 'config' | 'keyCache'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/users',
      access: 'admin',
      doc: {
        summary: 'List users',
        description: 'Never a password or its hash.',
        responses: { 200: usersResponseSchema },
      },
      handler: async (c) => c.json({ users: (await listUsers(db)).map(presentUser) }),
    },
    {
      method: 'POST',
      path: '/users',
      access: 'admin',
      doc: {
        summary: 'Create a user',
        description:
          'A user who signs in with a password, with a role. 409 when the name exists, in any case. ' +
          'Audited.',
        body: createUserRequestSchema,
        responses: { 201: userResponseSchema },
        errors: [409],
      },
      handler: async (c) => {
        const body = await parseBody(c, createUserRequestSchema)
        const user = await createUser(db, {
          username: body.username,
          role: body.role,
          passwordHash: await hashPassword(body.password),
        })
        if (!user) throw new HttpError(409, `a user named "${body.username}" already exists`)
        await recordAudit(db, {
          actor: actorName(c.var.principal),
          action: 'user.create',
          target: `user:${user.username}`,
          detail: { role: user.role },
          ip: clientIp(c, config.TRUST_PROXY),
        })
        return c.json({ user: presentUser(user) }, 201)
      },
    },
    {
      method: 'PATCH',
      path: '/users/:id',
      access: 'admin',
      doc: {
        summary: 'Update a user',
        description:
          'Changes the role, disables or enables the account, or sets a new password. Disabling or ' +
          "a new password ends the user's sign-ins; their API keys follow the change at once. 409 " +
          'when no enabled admin would be left. Audited.',
        params: idParamsSchema,
        body: updateUserRequestSchema,
        responses: { 200: userResponseSchema },
        errors: [404, 409],
      },
      handler: async (c) => {
        const id = parseId(c)
        const body = await parseBody(c, updateUserRequestSchema)
        const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password)
        let user: Awaited<ReturnType<typeof updateUser>>
        try {
          user = await updateUser(db, id, { role: body.role, disabled: body.disabled, passwordHash })
        } catch (error) {
          if (error instanceof LastAdminError) throw new HttpError(409, error.message)
          throw error
        }
        if (!user) throw new HttpError(404, `no user with id ${id}`)
        // A role change or a disabled owner changes what that user's keys may do.
        keyCache.clear()
        // A disabled account or a reset password ends every sign-in of that user at once.
        if (body.disabled === true || passwordHash) await deleteSignInsOfUser(db, id)
        await recordAudit(db, {
          actor: actorName(c.var.principal),
          action: 'user.update',
          target: `user:${user.username}`,
          detail: {
            ...(body.role === undefined ? {} : { role: body.role }),
            ...(body.disabled === undefined ? {} : { disabled: body.disabled }),
            ...(passwordHash ? { password_reset: true } : {}),
          },
          ip: clientIp(c, config.TRUST_PROXY),
        })
        return c.json({ user: presentUser(user) })
      },
    },
  ]
}
