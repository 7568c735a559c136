import { randomUUID } from 'node:crypto'
import { connectGateway } from '../../src/client/connect.ts'
import type { GatewayEvent } from '../../src/client/frame-channel.ts'
import type { GatewayClient } from '../../src/client/gateway-client.ts'
import type { GatewayTarget } from '../../src/client/target.ts'
import { isRecord } from '../../src/protocol/is-record.ts'

/** What a device-less backend client is granted over direct loopback: enough to create and drive sessions. */
export const OPERATOR_SCOPES_FOR_TESTS = ['operator.read', 'operator.write', 'operator.admin'] as const

// Each create queues background work on the gateway's worker tasks (at most 128 pending); a burst of 8
// at a time overflowed them on a loaded 2-core machine (sessions.changed events dropped, sessions.list
// refused as overloaded). A few at a time still creates 150 in seconds.
const CREATE_CONCURRENCY = 4
const WRITE_TIMEOUT_MS = 30_000

/** A client granted read, write and admin (loopback only), for tests that set a gateway up. */
export function connectOperator(
  target: GatewayTarget,
  onEvent?: (event: GatewayEvent) => void,
): Promise<GatewayClient> {
  return connectGateway(target, { clientVersion: 'interop', scopes: OPERATOR_SCOPES_FOR_TESTS, onEvent })
}

export interface CreateSessionParams {
  label: string
  agentId?: string
}

/** `sessions.create`; resolves with the new session's key. */
export async function createSession(client: GatewayClient, params: CreateSessionParams): Promise<string> {
  const answer = await client.request('sessions.create', params, { timeoutMs: WRITE_TIMEOUT_MS })
  if (!isRecord(answer) || typeof answer.key !== 'string') {
    throw new Error(`sessions.create answered without a key: ${JSON.stringify(answer).slice(0, 300)}`)
  }
  return answer.key
}

/** Creates `count` sessions labelled `<labelPrefix>-<n>` (labels are unique per gateway); their keys. */
export async function createSessions(
  client: GatewayClient,
  count: number,
  options: { labelPrefix: string; agentId?: string },
): Promise<string[]> {
  const keys: string[] = []
  for (let start = 0; start < count; start += CREATE_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(CREATE_CONCURRENCY, count - start) }, (_, i) =>
      createSession(client, { label: `${options.labelPrefix}-${start + i + 1}`, agentId: options.agentId }),
    )
    keys.push(...(await Promise.all(batch)))
  }
  return keys
}

/** `sessions.send` (scope operator.write): starts a run; resolves with its id. */
export async function sendMessage(client: GatewayClient, key: string, message: string): Promise<string> {
  const params = { key, message, idempotencyKey: randomUUID() }
  const answer = await client.request('sessions.send', params, { timeoutMs: WRITE_TIMEOUT_MS })
  if (!isRecord(answer) || typeof answer.runId !== 'string') {
    throw new Error(`sessions.send answered without a runId: ${JSON.stringify(answer).slice(0, 300)}`)
  }
  return answer.runId
}
