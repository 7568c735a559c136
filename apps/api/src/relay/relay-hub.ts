import { type Database, findGateway } from '@mc/db'
import type { Logger, TokenCipher } from '@mc/runtime'
import { errorMessage, LIVE_CLOSE, type LiveMessage, type McEvent } from '@mc/shared'
import type { ApiConfig } from '../config.ts'
import type { EventHub } from '../events/event-hub.ts'
import { GatewayUpstream, safeGatewayUrl, type TargetLookup } from './upstream.ts'

/** One browser socket watching a gateway. */
export interface RelayWatcher {
  send(message: LiveMessage): void
  close(code: number, reason: string): void
}

interface Relay {
  upstream: GatewayUpstream
  watchers: Set<RelayWatcher>
}

export interface RelayHubDeps {
  db: Database
  tokenCipher: TokenCipher
  logger: Logger
  eventHub: EventHub
  config: Pick<
    ApiConfig,
    'LIVE_PING_INTERVAL_MS' | 'LIVE_BACKOFF_BASE_MS' | 'LIVE_BACKOFF_MAX_MS' | 'PROBE_TIMEOUT_MS'
  >
}

/** The stored gateway as an upstream needs it: the token decrypted, or why it cannot be used. */
function targetLookup({ db, tokenCipher }: RelayHubDeps, gatewayId: number): TargetLookup {
  return async () => {
    const row = await findGateway(db, gatewayId)
    if (!row) return null
    const target = {
      name: row.name,
      host: row.host,
      port: row.port,
      token: null,
      tlsInsecure: row.tlsInsecure,
    }
    if (row.token === null) {
      return { target, problem: 'no token is stored for this gateway: set one to connect live' }
    }
    try {
      return { target: { ...target, token: tokenCipher.decrypt(row.token) }, problem: null }
    } catch {
      return { target, problem: 'the stored token cannot be decrypted (was MC_SECRET_KEY changed?)' }
    }
  }
}

/**
 * Every relay of this api process: at most one upstream per gateway, shared by all the browsers
 * watching it and closed when the last one leaves. Gateway edits and deletions reach it through the
 * event hub, so a change made on another replica ends or moves the relays here too.
 */
export function createRelayHub(deps: RelayHubDeps) {
  const relays = new Map<number, Relay>()
  let closed = false

  function fanOut(gatewayId: number, watchers: Set<RelayWatcher>, message: LiveMessage): void {
    for (const watcher of watchers) {
      try {
        watcher.send(message)
      } catch (error) {
        const err = errorMessage(error)
        deps.logger.warn({ gateway_id: gatewayId, err }, 'relay message not sent')
      }
    }
  }

  /** Closes every browser on the gateway with `code` and its upstream. */
  async function end(gatewayId: number, code: number, reason: string): Promise<void> {
    const relay = relays.get(gatewayId)
    if (!relay) return
    relays.delete(gatewayId)
    for (const watcher of relay.watchers) watcher.close(code, reason)
    deps.logger.info({ gateway_id: gatewayId, code, reason }, 'relay ended')
    await relay.upstream.close()
  }

  function open(gatewayId: number, name: string, url: string | null): Relay {
    const watchers = new Set<RelayWatcher>()
    const upstream = new GatewayUpstream({
      gatewayId,
      name,
      url,
      lookup: targetLookup(deps, gatewayId),
      pingIntervalMs: deps.config.LIVE_PING_INTERVAL_MS,
      timeoutMs: deps.config.PROBE_TIMEOUT_MS,
      backoff: { baseMs: deps.config.LIVE_BACKOFF_BASE_MS, maxMs: deps.config.LIVE_BACKOFF_MAX_MS },
      logger: deps.logger,
      onState: (message) => fanOut(gatewayId, watchers, message),
      onEvent: (message) => fanOut(gatewayId, watchers, message),
      onGone: () => void end(gatewayId, LIVE_CLOSE.gatewayDeleted, 'gateway deleted'),
    })
    const relay = { upstream, watchers }
    relays.set(gatewayId, relay)
    upstream.start()
    return relay
  }

  function onHubEvent(event: McEvent): void {
    if (event.type === 'gateway.deleted') {
      void end(event.gateway_id, LIVE_CLOSE.gatewayDeleted, 'gateway deleted')
    } else if (event.type === 'gateway.updated') {
      const { gateway } = event
      if (event.token_changed) void end(gateway.id, LIVE_CLOSE.tokenChanged, 'gateway token changed')
      else
        relays.get(gateway.id)?.upstream.update({
          name: gateway.name,
          host: gateway.host,
          port: gateway.port,
          tlsInsecure: gateway.tls_insecure,
        })
    }
  }
  // Edits or deletions may have been missed while the subscription was down: every upstream
  // reconnects, re-reading its gateway (a deleted one then ends with 4404, a new token is used).
  const unsubscribe = deps.eventHub.subscribe(
    ({ event }) => onHubEvent(event),
    () => {
      for (const relay of relays.values()) relay.upstream.reconnectNow()
    },
  )

  return {
    /**
     * Adds a browser to the gateway's relay (opening the upstream if it is the first) and sends
     * it the current state at once. Returns how to leave; the last to leave closes the upstream.
     */
    watch(gateway: { id: number; name: string; host: string; port: number }, watcher: RelayWatcher) {
      if (closed) {
        watcher.close(LIVE_CLOSE.serverRestart, 'server restart')
        return () => {}
      }
      const relay =
        relays.get(gateway.id) ?? open(gateway.id, gateway.name, safeGatewayUrl(gateway.host, gateway.port))
      relay.watchers.add(watcher)
      watcher.send(relay.upstream.message)
      return () => {
        if (!relay.watchers.delete(watcher) || relay.watchers.size > 0) return
        if (relays.get(gateway.id) === relay) relays.delete(gateway.id)
        void relay.upstream.close()
      }
    },
    /** Open upstreams and watching browsers, for tests and diagnostics. */
    stats() {
      let watchers = 0
      for (const relay of relays.values()) watchers += relay.watchers.size
      return { upstreams: relays.size, watchers }
    },
    /** On shutdown: every browser is told to come back (1012), every upstream closes. */
    async close(): Promise<void> {
      closed = true
      unsubscribe()
      const ids = [...relays.keys()]
      await Promise.all(ids.map((id) => end(id, LIVE_CLOSE.serverRestart, 'server restart')))
    },
  }
}

export type RelayHub = ReturnType<typeof createRelayHub>
