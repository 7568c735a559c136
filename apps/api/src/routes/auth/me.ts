import { findUserById } from '@mc/db'
import type { MeResponse } from '@mc/shared'
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
