import { ApiRequestError } from '@mc/shared'
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'

/**
 * `meta` of a mutation whose 401 is an answer, not an expired session (signing in with a wrong
 * password): it must not send the person to the login page.
 */
export const HANDLES_UNAUTHENTICATED = { handlesUnauthenticated: true } as const

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 401
}

/** Client errors (4xx) will not fix themselves by asking again; everything else gets one more try. */
function retryOnce(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false
  return failureCount < 1
}

export interface QueryClientHooks {
  /** Any query or mutation answered 401: the session is gone (signed out, expired, user disabled). */
  onUnauthenticated?: () => void
}

export function createQueryClient({ onUnauthenticated }: QueryClientHooks = {}): QueryClient {
  const check = (error: unknown) => {
    if (isUnauthenticated(error)) onUnauthenticated?.()
  }
  return new QueryClient({
    queryCache: new QueryCache({ onError: check }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.meta?.handlesUnauthenticated !== true) check(error)
      },
    }),
    defaultOptions: {
      queries: {
        retry: retryOnce,
        refetchOnWindowFocus: true,
        staleTime: 5_000,
      },
      mutations: { retry: false },
    },
  })
}
