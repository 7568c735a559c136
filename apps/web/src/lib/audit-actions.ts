/** The audit actions the API writes today, for the filter's suggestions; others can still be typed. */
export const KNOWN_AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.api_key_rejected',
  'user.create',
  'user.update',
  'api_key.create',
  'api_key.revoke',
  'gateway.create',
  'gateway.update',
  'gateway.set_primary',
  'gateway.token_change',
  'gateway.token_rotation.requested',
  'gateway.token_rotation.patched',
  'gateway.token_rotation.verified',
  'gateway.token_rotation.promoted',
  'gateway.token_rotation.failed',
  'gateway.token_rotation.expired',
  'gateway.delete',
  'status_page.create',
  'status_page.update',
  'status_page.delete',
] as const

/** Failed or refused authentication: worth a second look when scanning the log. */
export function isFailureAction(action: string): boolean {
  return /(_failed|_rejected)$/.test(action)
}
