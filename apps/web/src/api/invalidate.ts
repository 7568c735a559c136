import { type QueryKey, useQueryClient } from '@tanstack/react-query'

/** A mutation's `onSuccess`: refetch what the change made stale (each key also covers its children). */
export function useInvalidate(...queryKeys: QueryKey[]) {
  const queryClient = useQueryClient()
  return () => Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })))
}
