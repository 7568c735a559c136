import { errorMessage } from '../lib/error-message.ts'
import { Button } from './Button.tsx'
import { StatusIcon } from './StatusIcon.tsx'

interface ErrorStateProps {
  title?: string
  error: unknown
  onRetry?: () => void
  retrying?: boolean
}

/** A failed load: what failed, the API's own message, and a way to try again. */
export function ErrorState({
  title = 'Could not load this',
  error,
  onRetry,
  retrying = false,
}: ErrorStateProps) {
  return (
    <div role="alert" className="rounded-lg border border-red-500/30 bg-red-500/5 p-4">
      <div className="flex items-center gap-2">
        <StatusIcon tone="error" />
        <h2 className="font-semibold text-sm">{title}</h2>
      </div>
      <p className="mt-1.5 text-muted-foreground text-xs">{errorMessage(error)}</p>
      {onRetry && (
        <Button className="mt-3" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Try again'}
        </Button>
      )}
    </div>
  )
}
