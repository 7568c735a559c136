import type { Principal } from '@mc/shared'

const TTL_MS = 5000
const MAX_ENTRIES = 10_000

/**
 * Recently verified API keys (by hash), so a tool heartbeating every few seconds does not cost a
 * key lookup each time. Any key or user change in this process clears it; another api replica
 * notices a revocation, or a demoted or disabled owner, within TTL_MS.
 */
export function createApiKeyCache() {
  const entries = new Map<string, { principal: Principal; until: number }>()
  let generation = 0
  return {
    /** Taken before looking a key up: what that lookup read is not cached if a change came meanwhile. */
    generation(): number {
      return generation
    },
    get(keyHash: string): Principal | undefined {
      const entry = entries.get(keyHash)
      if (!entry) return undefined
      if (entry.until > Date.now()) return entry.principal
      entries.delete(keyHash)
      return undefined
    },
    set(keyHash: string, principal: Principal, readAt: number): void {
      if (readAt !== generation) return
      if (entries.size >= MAX_ENTRIES) {
        const oldest = entries.keys().next().value
        if (oldest !== undefined) entries.delete(oldest)
      }
      entries.set(keyHash, { principal, until: Date.now() + TTL_MS })
    },
    clear(): void {
      generation++
      entries.clear()
    },
  }
}

export type ApiKeyCache = ReturnType<typeof createApiKeyCache>
