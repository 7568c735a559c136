import type { CreateUserRequest, UpdateUserRequest } from '@mc/shared'
import { useMutation, useQuery } from '@tanstack/react-query'
import { api } from './client.ts'
import { useInvalidate } from './invalidate.ts'
import { queryKeys } from './queries.ts'

/** `GET /api/users` (admin). */
export function useUsers() {
  return useQuery({ queryKey: queryKeys.users, queryFn: () => api.users.list() })
}

/** After a change to users: the list, who I am (my own role may have changed) and the audit log. */
const useRefreshAfterUserChange = () => useInvalidate(queryKeys.users, queryKeys.me, queryKeys.audit)

/** `POST /api/users` (admin): 201, 400 with field details, 409 for a taken username. */
export function useCreateUser() {
  const refresh = useRefreshAfterUserChange()
  return useMutation({
    mutationFn: (body: CreateUserRequest) => api.users.create(body),
    onSuccess: refresh,
  })
}

export interface UserUpdate {
  id: number
  body: UpdateUserRequest
}

/** `PATCH /api/users/:id` (admin): role, disabled or password; 409 when no enabled admin would remain. */
export function useUpdateUser() {
  const refresh = useRefreshAfterUserChange()
  return useMutation({
    mutationFn: ({ id, body }: UserUpdate) => api.users.update(id, body),
    onSuccess: refresh,
  })
}
