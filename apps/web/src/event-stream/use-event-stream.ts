import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { startEventStream } from './event-stream.ts'

/** Follows the event stream while the signed-in app is mounted, patching the query cache. */
export function useEventStream(): void {
  const queryClient = useQueryClient()
  useEffect(() => startEventStream(queryClient), [queryClient])
}
