import { useState } from 'react'

/**
 * The item a confirmation dialog is asking about: `ask(item)` opens it, `close()` closes it and
 * clears the outcome of the confirmed action (`reset`), so the next one starts clean.
 */
export function useConfirmation<T>(reset: () => void) {
  const [target, setTarget] = useState<T | null>(null)
  return {
    target,
    ask: (item: T) => setTarget(item),
    close: () => {
      setTarget(null)
      reset()
    },
  }
}
