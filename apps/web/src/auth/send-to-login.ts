import type { QueryClient } from '@tanstack/react-query'
import { LOGIN_PATH, loginPath } from '../lib/login-path.ts'

interface Navigator {
  navigate(to: string, options: { replace: boolean }): Promise<void>
}

/**
 * The global 401 rule: whatever was asked, an answer of 401 means the sign-in is gone (signed out
 * elsewhere, expired, user disabled), so go to the login page, remembering where we were, and drop
 * every cached answer that belonged to that sign-in.
 */
export function createSendToLogin(router: Navigator, queryClient: () => QueryClient): () => void {
  let underway = false
  return () => {
    const { pathname, search } = window.location
    if (underway || pathname === LOGIN_PATH) return
    underway = true
    const target = loginPath(pathname + search)
    router
      .navigate(target, { replace: true })
      .then(() => queryClient().clear())
      .catch(() => window.location.assign(target))
      .finally(() => {
        underway = false
      })
  }
}
