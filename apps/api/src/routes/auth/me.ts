import { findUserById } from '@mc/db'
import { type MeResponse, meResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import type { RouteDef } from '../../http/route.ts'
import { presentUser } from '../../presenters/users.ts'

/** Who the caller is: the principal, and the user behind it when it is one. */
export function meRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/auth/me',
      access: 'viewer',
      doc: {
        summary: 'Get the caller',
        description:
          'The caller: a signed-in user, an API key or the MC_API_KEY automation key, with its ' +
          'role, and the user behind it when it is one.',
        responses: { 200: meResponseSchema },
      },
      handler: async (c) => {
        const { principal } = c.var
        const user =
          principal.kind === 'user' && principal.id !== null
            ? await findUserById(db, principal.id)
            : undefined
        const body: MeResponse = { principal, user: user ? presentUser(user) : null }
        return c.json(body)
      },
    },
  ]
}
