import { z } from 'zod'
import type { RequestOptions } from '../client/frame-channel.ts'
import type { GatewayClient } from '../client/gateway-client.ts'
import { GatewayError } from '../client/gateway-error.ts'

export type ConfigClient = Pick<GatewayClient, 'request'>

const configGetAnswer = z.looseObject({ hash: z.string().min(1) })

/**
 * The hash of the gateway's current config (`config.get`, `operator.read`), the `baseHash` a
 * `config.patch` needs. Only the hash is kept: the rest of the answer is the whole (redacted) config.
 * Rejects with a GatewayError.
 */
export async function readConfigHash(client: ConfigClient, options: RequestOptions = {}): Promise<string> {
  const answer = configGetAnswer.safeParse(await client.request('config.get', {}, options))
  if (!answer.success) {
    throw new GatewayError({
      kind: 'protocol',
      method: 'config.get',
      message: 'unexpected config.get answer (no hash)',
    })
  }
  return answer.data.hash
}
