import { z } from 'zod'
import type { RequestOptions } from '../client/frame-channel.ts'
import { GatewayError } from '../client/gateway-error.ts'
import { type ConfigClient, readConfigHash } from './config-hash.ts'
import { TokenPatchError } from './token-patch-error.ts'

export interface GatewayTokenPatch {
  token: string
  /** From `readConfigHash`: the gateway refuses the patch if its config changed since. */
  baseHash: string
}

const configPatchAnswer = z.looseObject({ changedPaths: z.array(z.string()).catch([]) })

/**
 * Sets the gateway's shared token (`gateway.auth.token`) with `config.patch` (`operator.admin`). The
 * gateway takes it at once, answers, then closes every connection that logged in with the old token
 * (this one too) with 4001 "gateway auth changed". Rejects with a TokenPatchError when the gateway
 * refuses, else with a GatewayError (then the patch may or may not have been applied).
 */
export async function patchGatewayToken(
  client: ConfigClient,
  patch: GatewayTokenPatch,
  options: RequestOptions = {},
): Promise<{ changedPaths: string[] }> {
  const raw = JSON.stringify({ gateway: { auth: { token: patch.token } } })
  let payload: unknown
  try {
    payload = await client.request('config.patch', { raw, baseHash: patch.baseHash }, options)
  } catch (error) {
    throw TokenPatchError.from(error, patch.token)
  }
  const answer = configPatchAnswer.safeParse(payload)
  if (!answer.success) {
    const message = 'unexpected config.patch answer (not an object)'
    throw new GatewayError({ kind: 'protocol', method: 'config.patch', message })
  }
  return { changedPaths: answer.data.changedPaths }
}

/**
 * `readConfigHash` then `patchGatewayToken`, once more with a fresh hash if the config changed in
 * between (someone else wrote it). Rejects like both.
 */
export async function replaceGatewayToken(
  client: ConfigClient,
  token: string,
  options: RequestOptions = {},
): Promise<{ changedPaths: string[] }> {
  for (let attempt = 1; ; attempt++) {
    const baseHash = await readConfigHash(client, options)
    try {
      return await patchGatewayToken(client, { token, baseHash }, options)
    } catch (error) {
      if (attempt >= 2 || !(error instanceof TokenPatchError) || error.kind !== 'stale_hash') throw error
    }
  }
}
