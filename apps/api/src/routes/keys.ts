import { createApiKey, listApiKeys, recordAudit, revokeApiKey } from '@mc/db'
import {
  apiKeyResponseSchema,
  apiKeysResponseSchema,
  type CreateApiKeyResponse,
  createApiKeyRequestSchema,
  createApiKeyResponseSchema,
} from '@mc/shared'
import type { RouteDeps } from '../app-deps.ts'
import { actorName } from '../auth/actor.ts'
import { clientIp } from '../auth/client-ip.ts'
import { ownerOfNewKey } from '../auth/new-key-owner.ts'
import { newApiKey, sha256 } from '../auth/secrets.ts'
import { HttpError } from '../http/http-error.ts'
import type { RouteDef } from '../http/route.ts'
import { idParamsSchema, parseBody, parseId } from '../http/validation.ts'
import { presentApiKey } from '../presenters/api-keys.ts'

export function apiKeyRoutes({
  db,
  config,
  keyCache,
}: Pick<RouteDeps, 'db' | 'config' | 'keyCache'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/keys',
      access: 'admin',
      doc: {
        summary: 'List API keys',
        description: 'Every key, revoked ones too, with its prefix, role and owner; never the key itself.',
        responses: { 200: apiKeysResponseSchema },
      },
      handler: async (c) => c.json({ api_keys: (await listApiKeys(db)).map(presentApiKey) }),
    },
    {
      method: 'POST',
      path: '/keys',
      access: 'admin',
      doc: {
        summary: 'Create an API key',
        description:
          "The answer's `key` is the only time the key is shown; only its hash is kept. The key " +
          "belongs to the caller (created with a key: to that key's owner) and acts with at most " +
          "its owner's current role; only MC_API_KEY and its keys create ownerless `automation` " +
          'keys. Audited.',
        body: createApiKeyRequestSchema,
        responses: { 201: createApiKeyResponseSchema },
      },
      handler: async (c) => {
        const body = await parseBody(c, createApiKeyRequestSchema)
        const { principal } = c.var
        const { key, prefix } = newApiKey()
        const row = await createApiKey(db, {
          name: body.name,
          role: body.role,
          keyHash: sha256(key),
          prefix,
          ownerId: await ownerOfNewKey(db, principal),
        })
        await recordAudit(db, {
          actor: actorName(principal),
          action: 'api_key.create',
          target: `key:${row.name}#${row.id}`,
          detail: { role: row.role, prefix, owner: row.ownerUsername, automation: row.automation },
          ip: clientIp(c, config.TRUST_PROXY),
        })
        const response: CreateApiKeyResponse = { api_key: presentApiKey(row), key }
        return c.json(response, 201)
      },
    },
    {
      method: 'DELETE',
      path: '/keys/:id',
      access: 'admin',
      doc: {
        summary: 'Revoke an API key',
        description:
          'Takes effect at once; the key stays listed, revoked, and revoking it again is harmless. ' +
          'Audited.',
        params: idParamsSchema,
        responses: { 200: apiKeyResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const id = parseId(c)
        const row = await revokeApiKey(db, id)
        keyCache.clear()
        if (!row) throw new HttpError(404, `no API key with id ${id}`)
        await recordAudit(db, {
          actor: actorName(c.var.principal),
          action: 'api_key.revoke',
          target: `key:${row.name}#${row.id}`,
          detail: { prefix: row.prefix },
          ip: clientIp(c, config.TRUST_PROXY),
        })
        return c.json({ api_key: presentApiKey(row) })
      },
    },
  ]
}
