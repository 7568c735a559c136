import { connectGateway } from '../client/connect.ts'
import type { GatewayClient } from '../client/gateway-client.ts'
import { GatewayError } from '../client/gateway-error.ts'
import type { GatewayTarget } from '../client/target.ts'
import { describeFailure } from './describe-failure.ts'
import { readCounts } from './list-counts.ts'
import { failedProbe, type ProbeReading } from './probe-reading.ts'

/** Handshake, then agents.list and sessions.list, all under the one deadline signal. */
export async function probeWebSocket(
  target: GatewayTarget,
  clientVersion: string,
  deadline: { signal: AbortSignal; timeoutMs: number; remainingMs(): number },
  redact: (text: string) => string,
  onHandshakeOver: () => void = () => {},
): Promise<ProbeReading> {
  let client: GatewayClient | undefined
  try {
    client = await connectGateway(target, {
      clientVersion,
      signal: deadline.signal,
      timeoutMs: Number.POSITIVE_INFINITY,
    }).finally(onHandshakeOver)
    const counts = await readCounts(client, deadline.signal)
    return {
      status: 'online',
      latencyMs: client.handshakeMs,
      version: client.hello.server.version,
      ...counts,
      error: null,
      method: 'websocket',
    }
  } catch (error) {
    const { status, error: text } = describeFailure(GatewayError.from(error), deadline.timeoutMs)
    return failedProbe('websocket', status, text, redact)
  } finally {
    // Within what is left of the deadline, so the probe as a whole never outlives it.
    await client?.close({ timeoutMs: deadline.remainingMs() })
  }
}
