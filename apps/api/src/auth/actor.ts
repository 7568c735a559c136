import type { Principal } from '@mc/shared'

/** How a principal is named in the audit log. */
export function actorName(principal: Principal): string {
  switch (principal.kind) {
    case 'user':
      return `user:${principal.name}`
    case 'api_key':
      return `key:${principal.name}#${principal.id}`
    case 'env_key':
      return 'env-key'
  }
}
