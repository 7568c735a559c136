import { type Database, recordAudit } from '@mc/db'
import type { Context } from 'hono'
import { actorName } from '../auth/actor.ts'
import { clientIp } from '../auth/client-ip.ts'
import type { ApiConfig } from '../config.ts'
import type { AppEnv } from '../http/app-env.ts'

/** Records a change made by the request's principal, from the request's address. */
export type RequestAudit = (
  c: Context<AppEnv>,
  action: string,
  target: string,
  /** Never a secret: only what is safe to show an admin. */
  detail: Record<string, unknown>,
) => Promise<void>

export function requestAudit(db: Database, config: Pick<ApiConfig, 'TRUST_PROXY'>): RequestAudit {
  return (c, action, target, detail) =>
    recordAudit(db, {
      actor: actorName(c.var.principal),
      action,
      target,
      detail,
      ip: clientIp(c, config.TRUST_PROXY),
    })
}
