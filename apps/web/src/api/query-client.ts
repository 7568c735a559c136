import { ApiRequestError } from '@mc/shared'
import { QueryClient } from '@tanstack/react-query'

/** Client errors (4xx) will not fix themselves by asking again; everything else gets one more try. */
function retryOnce(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false
  return failureCount < 1
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
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
