import { useEffect, useRef, useState } from 'react'

/**
 * True for `durationMs` after `signal` changes (never on the first render): a card lights up when
 * its status changes or a probe of it returns.
 */
export function useFlash(signal: string, durationMs = 1500): boolean {
  const previous = useRef(signal)
  const [flashing, setFlashing] = useState(false)
  useEffect(() => {
    if (previous.current === signal) return
    previous.current = signal
    setFlashing(true)
    const timer = setTimeout(() => setFlashing(false), durationMs)
    return () => clearTimeout(timer)
  }, [signal, durationMs])
  return flashing
}
