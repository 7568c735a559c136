import { createGateway, findGateway, listAudit, tryStartRotation } from '@mc/db'
import type { FakeGateway } from '@mc/openclaw/fake'
import {
  createLogger,
  createRedis,
  eventsChannel,
  parseEventMessages,
  type TokenRotationJob,
  type TokenRotationOutcome,
} from '@mc/runtime'
import type { McEvent } from '@mc/shared'
import type { Job } from 'bullmq'
import { afterAll, beforeAll, expect } from 'vitest'
import { tokenRotation } from '../jobs/token-rotation.ts'
import type { WorkerContext } from '../worker-context.ts'
import { useWorkerContext } from './worker-context.ts'

/**
 * A worker context whose log lines (at debug) and published events are kept, for token rotation
 * tests: what they check most is that no token ends up in any of them.
 */
export function useTokenRotationHarness(env: Record<string, string> = {}) {
  const base = useWorkerContext({ PROBE_TIMEOUT_MS: '3000', ...env })
  const logLines: string[] = []
  const events: McEvent[] = []
  const ctx = {} as WorkerContext
  let subscriber: ReturnType<typeof createRedis> | undefined
  let seq = 0

  beforeAll(async () => {
    const logger = createLogger({
      service: 'worker-test',
      level: 'debug',
      destination: { write: (line: string) => void logLines.push(line) },
    })
    Object.assign(ctx, base, { logger })
    subscriber = createRedis(base.config.REDIS_URL)
    subscriber.on('message', (_channel: string, message: string) => {
      for (const { event } of parseEventMessages(message)) events.push(event)
    })
    await subscriber.subscribe(eventsChannel(base.config.REDIS_PREFIX))
  })
  afterAll(() => subscriber?.disconnect())

  return {
    ctx,
    logLines,
    events,
    register: (fake: FakeGateway, token = fake.token) =>
      createGateway(ctx.db, {
        name: `gw-${++seq}`,
        host: fake.host,
        port: fake.port,
        token: ctx.tokenCipher.encrypt(token),
        isPrimary: false,
      }),
    /** As the api does: takes the rotation lock, then runs the job (which releases it). */
    async rotate(gatewayId: number, actor = 'user:alice'): Promise<TokenRotationOutcome> {
      expect(await tryStartRotation(ctx.db, gatewayId)).toBe(true)
      const data: TokenRotationJob = { gateway_id: gatewayId, actor }
      return (await tokenRotation(ctx).process({ data } as Job<TokenRotationJob>)) as TokenRotationOutcome
    },
    storedToken: async (gatewayId: number) => {
      const row = await findGateway(ctx.db, gatewayId)
      return row?.token ? ctx.tokenCipher.decrypt(row.token) : null
    },
    /** The rotation steps audited for the gateway, oldest first. */
    async auditedSteps(gatewayId: number) {
      const page = await listAudit(ctx.db, { limit: 200 })
      return page.rows
        .filter(
          (row) => row.target?.endsWith(`#${gatewayId}`) && row.action.startsWith('gateway.token_rotation.'),
        )
        .reverse()
    },
    /** Nowhere a token may go: log lines, events, audit rows (and whatever else the test passes). */
    async expectNowhere(token: string, ...more: unknown[]) {
      const audit = (await listAudit(ctx.db, { limit: 200 })).rows
      const everything = JSON.stringify([logLines, events, audit, more])
      expect(token.length).toBeGreaterThan(20)
      expect(everything).not.toContain(token)
    },
  }
}
