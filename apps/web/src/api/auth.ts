import type { LoginRequest } from '@mc/shared'
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query'
import { api } from './client.ts'
import { queryKeys } from './queries.ts'
import { HANDLES_UNAUTHENTICATED } from './query-client.ts'

export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: ({ signal }) => api.auth.me(signal),
})

/** `GET /api/auth/me`: who is signed in and with which role; a 401 means nobody. */
export function useMe() {
  return useQuery(meQuery)
}

/** `POST /api/auth/login`; its 401 means a wrong username or password, not an expired session. */
export function useLogin() {
  return useMutation({
    mutationFn: (body: LoginRequest) => api.auth.login(body),
    meta: HANDLES_UNAUTHENTICATED,
  })
}

/** `POST /api/auth/logout`: ends the session and clears its cookie. */
export function useLogout() {
  return useMutation({ mutationFn: () => api.auth.logout() })
}
