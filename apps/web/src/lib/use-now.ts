import { useEffect, useState } from 'react'

/** The current time in ms, refreshed every `intervalMs`, for labels like "3 s ago" that must tick. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

/** The current time in unix seconds, for ages of API timestamps; coarse by default (labels in minutes). */
export function useNowSeconds(intervalMs = 30_000): number {
  return useNow(intervalMs) / 1000
}
