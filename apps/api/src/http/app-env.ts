import type { Logger } from '@mc/runtime'
import type { Principal } from '@mc/shared'

/** How a principal proved itself; a sign-in cookie needs CSRF protection, a key does not. */
export type Credential = 'sign_in' | 'api_key'

/** Hono's per-request variables, set by the middleware every `/api` route goes through. */
export interface AppEnv {
  Variables: {
    requestId: string
    /** The request's logger, tagged with its id. */
    log: () => Logger
    /** Set by `authorize` on every route that is not public. */
    principal: Principal
    credential: Credential
  }
}
