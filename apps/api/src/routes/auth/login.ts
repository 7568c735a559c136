import { createSignIn, findUserById, findUserByUsername, recordAudit, recordLogin } from '@mc/db'
import { loginRequestSchema, loginResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import { clientIp } from '../../auth/client-ip.ts'
import { verifyPassword } from '../../auth/passwords.ts'
import { assertNotBlocked, countFailure } from '../../auth/rate-limits.ts'
import { assertSameOrigin } from '../../auth/same-origin.ts'
import { randomSecret, sha256 } from '../../auth/secrets.ts'
import { writeSignInCookie } from '../../auth/sign-in-cookie.ts'
import { HttpError } from '../../http/http-error.ts'
import type { RouteDef } from '../../http/route.ts'
import { parseBody } from '../../http/validation.ts'
import { presentUser } from '../../presenters/users.ts'

/** Signs a user in with a password: a sign-in cookie, limited and audited failures. */
export function loginRoutes({
  db,
  config,
  limiters,
}: Pick<RouteDeps, 'db' | 'config' | 'limiters'>): RouteDef[] {
  const ttlSeconds = config.SESSION_TTL_HOURS * 3600
  return [
    {
      method: 'POST',
      path: '/auth/login',
      access: 'public',
      doc: {
        summary: 'Sign in',
        description:
          'Checks a username and password and sets the sign-in cookie. 401 for a wrong username or ' +
          'password (or a disabled account); after 10 failures in a minute from one address, 429 ' +
          'with Retry-After. 403 when a browser sends it from another site. Failures are audited.',
        body: loginRequestSchema,
        responses: { 200: loginResponseSchema },
        errors: [401, 403, 429],
      },
      handler: async (c) => {
        const ip = clientIp(c, config.TRUST_PROXY)
        if (c.req.header('origin')) assertSameOrigin(c, config.TRUST_PROXY)
        await assertNotBlocked(limiters.failedLogins, ip, 'sign-ins')
        const { username, password } = await parseBody(c, loginRequestSchema)
        const user = await findUserByUsername(db, username)
        const passwordOk = await verifyPassword(user?.passwordHash, password)
        if (!user || !passwordOk || user.disabled) {
          await countFailure(limiters.failedLogins, ip)
          const reason = !user ? 'unknown user' : !passwordOk ? 'wrong password' : 'account disabled'
          await recordAudit(db, {
            actor: 'anonymous',
            action: 'auth.login_failed',
            target: `user:${username.slice(0, 100)}`,
            detail: { reason },
            ip,
          })
          // Only someone who knows the password learns that the account is disabled.
          throw new HttpError(
            401,
            user && passwordOk ? 'this account is disabled' : 'invalid username or password',
          )
        }
        const token = randomSecret()
        await createSignIn(db, {
          userId: user.id,
          tokenHash: sha256(token),
          ttlSeconds,
          ip,
          userAgent: c.req.header('user-agent') ?? null,
        })
        await recordLogin(db, user.id)
        await recordAudit(db, { actor: `user:${user.username}`, action: 'auth.login', ip })
        writeSignInCookie(c, token, ttlSeconds, config.TRUST_PROXY)
        const fresh = (await findUserById(db, user.id)) ?? user
        return c.json({ user: presentUser(fresh) })
      },
    },
  ]
}
