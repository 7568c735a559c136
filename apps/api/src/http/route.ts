import type { Handler } from 'hono'
import type { Access } from '../auth/authorize.ts'
import type { AppEnv } from './app-env.ts'

/**
 * One endpoint: where it lives, who may call it, what it does. Every route of the API is one of
 * these, so its access rule is declared next to it and the authorization test can list them all.
 */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Below `/api`. */
  path: string
  access: Access
  handler: Handler<AppEnv>
}
