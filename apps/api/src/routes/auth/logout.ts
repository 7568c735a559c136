import { deleteSignInByTokenHash, recordAudit } from '@mc/db'
import { logoutResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import { actorName } from '../../auth/actor.ts'
import { clientIp } from '../../auth/client-ip.ts'
import { sha256 } from '../../auth/secrets.ts'
import { clearSignInCookie, readSignInCookie } from '../../auth/sign-in-cookie.ts'
import type { RouteDef } from '../../http/route.ts'

/** Ends the caller's sign-in (a key has none to end) and clears its cookie. */
export function logoutRoutes({ db, config }: Pick<RouteDeps, 'db' | 'config'>): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/auth/logout',
      access: 'viewer',
      doc: {
        summary: 'Sign out',
        description: "Ends the caller's sign-in (an API key has none to end) and clears its cookie. Audited.",
        responses: { 200: logoutResponseSchema },
      },
      handler: async (c) => {
        const token = readSignInCookie(c)
        if (c.var.credential === 'sign_in' && token) await deleteSignInByTokenHash(db, sha256(token))
        clearSignInCookie(c, config.TRUST_PROXY)
        await recordAudit(db, {
          actor: actorName(c.var.principal),
          action: 'auth.logout',
          ip: clientIp(c, config.TRUST_PROXY),
        })
        return c.json({ ok: true as const })
      },
    },
  ]
}
