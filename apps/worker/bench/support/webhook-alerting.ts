import { sealChannelConfig, type WebhookPayload } from '@mc/alerting'
import { createAlertChannel, createAlertRule, type Database } from '@mc/db'
import type { TokenCipher } from '@mc/runtime'
import { startHttpRecorder } from '@mc/testing/http-recorder'

/** One webhook message as the recorder got it, with its arrival time (ms, `Date.now()` clock). */
export interface ArrivedMessage {
  at: number
  payload: WebhookPayload
}

/**
 * A real HTTP receiver on loopback (in the bench process) behind a webhook channel: every message
 * that reaches it is kept with its arrival time.
 */
export async function startWebhookReceiver(db: Database, cipher: TokenCipher) {
  const messages: ArrivedMessage[] = []
  const recorder = await startHttpRecorder({
    // Called as each request's body has arrived: its arrival time.
    respondWith: (request) => {
      messages.push({ at: Date.now(), payload: JSON.parse(request.body) as WebhookPayload })
      return 200
    },
  })
  const channel = await createAlertChannel(db, {
    name: 'bench-hook',
    type: 'webhook',
    enabled: true,
    ...sealChannelConfig('webhook', { url: recorder.url('/hook') }, cipher),
  })
  return { channel, messages, close: () => recorder.close() }
}

/** A `gateway_down` rule over every gateway, opening at the first failed probe, telling `channelId`. */
export const createGatewayDownRule = (db: Database, channelId: number) =>
  createAlertRule(db, {
    name: 'bench-down',
    kind: 'gateway_down',
    params: { after_failures: 1 },
    scopeGatewayIds: [],
    scopeAgentNames: [],
    channelIds: [channelId],
    repeatEveryS: null,
    enabled: true,
  })
