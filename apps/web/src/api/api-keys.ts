import type { ApiKey, CreateApiKeyRequest } from '@mc/shared'
import { useMutation, useQuery } from '@tanstack/react-query'
import { api } from './client.ts'
import { useInvalidate } from './invalidate.ts'
import { queryKeys } from './queries.ts'

/** `GET /api/keys` (admin): every key, revoked ones included; never a secret. */
export function useApiKeys() {
  return useQuery({ queryKey: queryKeys.apiKeys, queryFn: () => api.apiKeys.list() })
}

const useRefreshAfterKeyChange = () => useInvalidate(queryKeys.apiKeys, queryKeys.audit)

/** A key just created, with its secret: lives only in the state of whoever shows it once. */
export interface CreatedApiKey {
  apiKey: ApiKey
  key: string
}

/**
 * `POST /api/keys` (admin). The secret goes straight to `onCreated` and is left out of the
 * mutation's result, so it never sits in React Query's cache: only the key's metadata does.
 */
export function useCreateApiKey(onCreated: (created: CreatedApiKey) => void) {
  const refresh = useRefreshAfterKeyChange()
  return useMutation({
    mutationFn: async (body: CreateApiKeyRequest): Promise<ApiKey> => {
      const { api_key: apiKey, key } = await api.apiKeys.create(body)
      onCreated({ apiKey, key })
      return apiKey
    },
    onSuccess: refresh,
  })
}

/** `DELETE /api/keys/:id` (admin): revokes; the key stays listed, greyed. */
export function useRevokeApiKey() {
  const refresh = useRefreshAfterKeyChange()
  return useMutation({ mutationFn: (id: number) => api.apiKeys.revoke(id), onSuccess: refresh })
}
