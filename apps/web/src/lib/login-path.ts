export const LOGIN_PATH = '/login'

/**
 * Where to go after signing in: a path inside this app, or `fallback`. Never another site (`//evil`,
 * `https://…`, `/\evil`) and never the login page itself.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback
  const pathname = next.split(/[?#]/, 1)[0]
  if (pathname === LOGIN_PATH || pathname === `${LOGIN_PATH}/`) return fallback
  return next
}

/** `/login?next=<path>`, so signing in leads back to `currentPath`; plain `/login` for the home page. */
export function loginPath(currentPath: string): string {
  const next = safeNextPath(currentPath)
  return next === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`
}
