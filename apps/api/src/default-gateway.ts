import { countGateways, createGateway, type Database, DuplicateGatewayNameError, recordAudit } from '@mc/db'
import type { TokenCipher } from '@mc/runtime'
import type { ApiConfig } from './config.ts'

/**
 * With MC_DEFAULT_GATEWAY_HOST set and no gateway registered yet, registers that gateway as the
 * primary, so a team with a single gateway has nothing to click.
 */
export async function ensureDefaultGateway(
  db: Database,
  config: ApiConfig,
  cipher: TokenCipher,
): Promise<void> {
  const host = config.MC_DEFAULT_GATEWAY_HOST
  if (!host || (await countGateways(db)) > 0) return
  const token = config.MC_DEFAULT_GATEWAY_TOKEN
  try {
    const row = await createGateway(db, {
      name: config.MC_DEFAULT_GATEWAY_NAME,
      host,
      port: config.MC_DEFAULT_GATEWAY_PORT,
      token: token ? cipher.encrypt(token) : null,
      isPrimary: true,
    })
    await recordAudit(db, {
      actor: 'system',
      action: 'gateway.create',
      target: `gateway:${row.name}#${row.id}`,
      detail: {
        host: row.host,
        port: row.port,
        is_primary: true,
        token_set: row.token !== null,
        source: 'env',
      },
    })
  } catch (error) {
    // Another replica starting at the same moment registered it first.
    if (!(error instanceof DuplicateGatewayNameError)) throw error
  }
}
