import type { Principal } from '@mc/shared'

const TTL_MS = 5000
const MAX_ENTRIES = 10_000

/**
 * Recently verified API keys (by hash), so a tool heartbeating every few seconds does not cost a
 * key lookup each time. Any key or user change in this process clears it; another api replica
 * notices a revocation within TTL_MS.
 */
export function createApiKeyCache() {
  const entries = new Map<string, { principal: Principal; until: number }>()
  return {
    get(keyHash: string): Principal | undefined {
      const entry = entries.get(keyHash)
      if (!entry) return undefined
      if (entry.until > Date.now()) return entry.principal
      entries.delete(keyHash)
      return undefined
    },
    set(keyHash: string, principal: Principal): void {
      if (entries.size >= MAX_ENTRIES) {
        const oldest = entries.keys().next().value
        if (oldest !== undefined) entries.delete(oldest)
      }
      entries.set(keyHash, { principal, until: Date.now() + TTL_MS })
    },
    clear(): void {
      entries.clear()
    },
  }
}

export type ApiKeyCache = ReturnType<typeof createApiKeyCache>
