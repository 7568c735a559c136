import type { Principal } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { createApiKeyCache } from './api-key-cache.ts'

const principal: Principal = { kind: 'api_key', id: 1, name: 'ci', role: 'admin' }

describe('the API key cache', () => {
  it('forgets everything on a key or user change, including lookups that were under way', () => {
    const cache = createApiKeyCache()
    cache.set('hash-a', principal, cache.generation())
    expect(cache.get('hash-a')).toEqual(principal)

    const readBeforeTheChange = cache.generation()
    cache.clear()
    expect(cache.get('hash-a')).toBeUndefined()
    // A lookup that read the key (and its owner's role) before the change must not cache it after.
    cache.set('hash-b', principal, readBeforeTheChange)
    expect(cache.get('hash-b')).toBeUndefined()
    cache.set('hash-b', principal, cache.generation())
    expect(cache.get('hash-b')).toEqual(principal)
  })
})
