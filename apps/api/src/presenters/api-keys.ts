import { type ApiKeyWithOwner, unixSeconds, unixSecondsOrNull } from '@mc/db'
import type { ApiKey } from '@mc/shared'

/** Never the key or its hash: only the prefix that tells keys apart. */
export function presentApiKey(row: ApiKeyWithOwner): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    owner: row.ownerUsername,
    automation: row.automation,
    created_at: unixSeconds(row.createdAt),
    last_used_at: unixSecondsOrNull(row.lastUsedAt),
    revoked_at: unixSecondsOrNull(row.revokedAt),
  }
}
