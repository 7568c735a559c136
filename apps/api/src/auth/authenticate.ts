import {
  type Database,
  extendSignIn,
  findApiKeyByHash,
  findLiveSignIn,
  recordAudit,
  touchApiKey,
} from '@mc/db'
import type { Principal } from '@mc/shared'
import type { Context } from 'hono'
import type { ApiConfig } from '../config.ts'
import type { Credential } from '../http/app-env.ts'
import { HttpError } from '../http/http-error.ts'
import type { ApiKeyCache } from './api-key-cache.ts'
import { keyRefusal, keyRole } from './api-key-standing.ts'
import { clientIp } from './client-ip.ts'
import { type AuthLimiters, assertNotBlocked, countFailure } from './rate-limits.ts'
import { secretsEqual, sha256 } from './secrets.ts'
import { readSignInCookie } from './sign-in-cookie.ts'

export interface Authenticated {
  principal: Principal
  credential: Credential
}

export interface AuthenticatorDeps {
  db: Database
  config: Pick<ApiConfig, 'MC_API_KEY' | 'TRUST_PROXY' | 'SESSION_TTL_HOURS'>
  limiters: Pick<AuthLimiters, 'failedKeys'>
  keyCache: ApiKeyCache
}

const SIGN_IN_EXTEND_EVERY_S = 300
const KEY_TOUCH_EVERY_MS = 60_000

function presentedKey(c: Context): string | undefined {
  const header = c.req.header('x-api-key')?.trim()
  if (header) return header
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)\s*$/i)?.[1]
  return bearer
}

/**
 * Resolves who is calling, or throws 401. A presented key wins over a cookie; failed key checks
 * count towards the per-address limit and are audited (by prefix only, never the key).
 */
export function createAuthenticator(deps: AuthenticatorDeps) {
  // last_used_at is written at most once a minute per key and process: a heartbeat every few
  // seconds from thousands of tools must not turn into as many writes.
  const lastTouched = new Map<number, number>()

  async function byKey(c: Context, key: string): Promise<Authenticated> {
    if (deps.config.MC_API_KEY && secretsEqual(key, deps.config.MC_API_KEY)) {
      return {
        principal: { kind: 'env_key', id: null, name: 'MC_API_KEY', role: 'admin' },
        credential: 'api_key',
      }
    }
    const keyHash = sha256(key)
    const cached = deps.keyCache.get(keyHash)
    if (cached) return { principal: cached, credential: 'api_key' }
    const readAt = deps.keyCache.generation()
    const row = await findApiKeyByHash(deps.db, keyHash)
    const problem = row ? keyRefusal(row) : 'unknown API key'
    if (!row || problem) {
      // Only failed checks consult the limiter: a valid key is not a guess, and a tool behind the
      // same address as someone guessing keeps working.
      const ip = clientIp(c, deps.config.TRUST_PROXY)
      await assertNotBlocked(deps.limiters.failedKeys, ip, 'API key checks')
      await countFailure(deps.limiters.failedKeys, ip)
      await recordAudit(deps.db, {
        actor: 'anonymous',
        action: 'auth.api_key_rejected',
        target: row ? `key:${row.name}#${row.id}` : null,
        detail: { reason: problem ?? 'unknown API key', prefix: key.slice(0, 9) },
        ip,
      })
      throw new HttpError(401, problem ?? 'unknown API key')
    }
    const now = Date.now()
    if (now - (lastTouched.get(row.id) ?? 0) > KEY_TOUCH_EVERY_MS) {
      lastTouched.set(row.id, now)
      await touchApiKey(deps.db, row.id)
    }
    const principal: Principal = { kind: 'api_key', id: row.id, name: row.name, role: keyRole(row) }
    deps.keyCache.set(keyHash, principal, readAt)
    return { principal, credential: 'api_key' }
  }

  async function bySignIn(token: string): Promise<Authenticated> {
    const found = await findLiveSignIn(deps.db, sha256(token))
    if (!found) throw new HttpError(401, 'session expired or signed out: sign in again')
    if (found.user.disabled) throw new HttpError(401, 'this account is disabled')
    await extendSignIn(deps.db, found.signIn.id, deps.config.SESSION_TTL_HOURS * 3600, SIGN_IN_EXTEND_EVERY_S)
    const { user } = found
    return {
      principal: { kind: 'user', id: user.id, name: user.username, role: user.role },
      credential: 'sign_in',
    }
  }

  return async function authenticate(c: Context): Promise<Authenticated> {
    const key = presentedKey(c)
    if (key) return byKey(c, key)
    const token = readSignInCookie(c)
    if (token) return bySignIn(token)
    throw new HttpError(401, 'authentication required: sign in, or send an API key in x-api-key')
  }
}

export type Authenticator = ReturnType<typeof createAuthenticator>
