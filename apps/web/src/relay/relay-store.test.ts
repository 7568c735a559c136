import { LIVE_CLOSE, type LiveMessage } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { GIVE_UP_AFTER_FAILURES } from './relay-snapshot.ts'
import { createRelayStore, REFUSALS_BEFORE_DIAGNOSIS, type SocketHandlers, STABLE_MS } from './relay-store.ts'

interface FakeSocket {
  gatewayId: number
  handlers: SocketHandlers
  closedWith: [number, string] | null
  send(message: LiveMessage | string): void
}

/** A store on fake sockets and a hand-driven clock and timer, like the browser's but controllable. */
function setup(diagnosis: string | null = null) {
  const diagnosed: number[] = []
  const sockets: FakeSocket[] = []
  const timers = new Map<number, { run: () => void; at: number }>()
  let clock = 10_000
  let nextTimer = 1
  const store = createRelayStore({
    openSocket: (gatewayId, handlers) => {
      const socket: FakeSocket = {
        gatewayId,
        handlers,
        closedWith: null,
        send: (message) =>
          handlers.onMessage(typeof message === 'string' ? message : JSON.stringify(message)),
      }
      sockets.push(socket)
      return {
        close: (code, reason) => {
          socket.closedWith = [code, reason]
        },
      }
    },
    now: () => clock,
    random: () => 0.5,
    setTimer: (run, ms) => {
      const id = nextTimer++
      timers.set(id, { run, at: clock + ms })
      return id
    },
    clearTimer: (id) => timers.delete(id as number),
    diagnose: async (gatewayId) => {
      diagnosed.push(gatewayId)
      return diagnosis
    },
  })
  const advance = (ms: number) => {
    clock += ms
    for (const [id, timer] of [...timers]) {
      if (timer.at <= clock) {
        timers.delete(id)
        timer.run()
      }
    }
  }
  const last = () => {
    const socket = sockets.at(-1)
    if (!socket) throw new Error('no socket was opened')
    return socket
  }
  return { store, sockets, timers, advance, last, diagnosed }
}

const state = (gatewayId: number, isConnected = true): LiveMessage => ({
  type: 'state',
  gateway_id: gatewayId,
  gateway_name: `gw-${gatewayId}`,
  state: { isConnected, url: `ws://10.0.0.${gatewayId}:18789`, latency: 7, lastPing: 9_000, error: null },
  reconnect_in_ms: null,
})

describe('relay store', () => {
  it('connects, reports open, then the API’s state, and notifies subscribers', () => {
    const { store, last } = setup()
    let notified = 0
    store.subscribe(() => notified++)
    store.connect(1, 'Alpha')
    expect(store.getSnapshot()).toMatchObject({ phase: 'connecting', gateway: { id: 1, name: 'Alpha' } })
    last().handlers.onOpen()
    last().send(state(1))
    expect(store.getSnapshot()).toMatchObject({ phase: 'open', state: { isConnected: true, latency: 7 } })
    expect(notified).toBe(3)
  })

  it('ignores invalid messages', () => {
    const { store, last } = setup()
    store.connect(1)
    const before = store.getSnapshot()
    last().send('not json')
    last().send(JSON.stringify({ type: 'state', gateway_id: 1 }))
    expect(store.getSnapshot()).toBe(before)
  })

  it('is a no-op when connecting to the gateway it is already on', () => {
    const { store, sockets } = setup()
    store.connect(1)
    store.connect(1)
    expect(sockets).toHaveLength(1)
  })

  it('switches: closes the old socket first, ignores it afterwards, and starts an empty feed', () => {
    const { store, sockets, last } = setup()
    store.connect(1)
    last().send(state(1))
    last().send({ type: 'event', gateway_id: 1, event: 'tick', payload: {}, seq: 1, at: 1 })
    store.connect(2)
    expect(sockets[0]?.closedWith?.[0]).toBe(1000)
    expect(last().gatewayId).toBe(2)
    expect(store.getSnapshot()).toMatchObject({
      gateway: { id: 2 },
      events: [],
      state: { isConnected: false },
    })
    // The old socket's late close or message changes nothing.
    sockets[0]?.handlers.onClose(1006, '')
    sockets[0]?.handlers.onMessage(JSON.stringify(state(1)))
    expect(store.getSnapshot()).toMatchObject({ phase: 'connecting', gateway: { id: 2 } })
  })

  it('retries an unexpected close with growing delays, and resets them once a socket held', () => {
    const { store, sockets, advance, last } = setup()
    store.connect(1)
    last().handlers.onClose(1006, '')
    // random 0.5: three quarters of 1 s, then of 2 s.
    expect(store.getSnapshot()).toMatchObject({
      phase: 'retrying',
      reconnectAt: 10_750,
      state: { isConnected: false, error: 'Lost the live connection (network error)' },
    })
    advance(749)
    expect(sockets).toHaveLength(1)
    advance(1)
    expect(sockets).toHaveLength(2)
    expect(store.getSnapshot().phase).toBe('connecting')
    last().handlers.onClose(LIVE_CLOSE.serverRestart, '')
    expect(store.getSnapshot()).toMatchObject({ reconnectAt: 10_750 + 1_500, state: { error: /restarting/ } })
    advance(1_500)
    // Open, but closed at once: no reset (third attempt: three quarters of 4 s).
    last().handlers.onOpen()
    last().send(state(1))
    last().handlers.onClose(1006, '')
    expect(store.getSnapshot().reconnectAt).toBe(12_250 + 3_000)
    advance(3_000)
    // Held for STABLE_MS: the next loss starts over at the first delay.
    last().handlers.onOpen()
    advance(STABLE_MS)
    last().handlers.onClose(1006, '')
    expect(store.getSnapshot().reconnectAt).toBe(15_250 + STABLE_MS + 750)
  })

  it('asks the API why after repeated refusals, and ends the relay with its answer', async () => {
    const { store, advance, last, diagnosed } = setup('Gateway deleted')
    store.connect(7)
    for (let refusal = 1; refusal < REFUSALS_BEFORE_DIAGNOSIS; refusal++) {
      last().handlers.onClose(1006, '')
      advance(60_000)
    }
    expect(diagnosed).toEqual([])
    last().handlers.onClose(1006, '')
    expect(diagnosed).toEqual([7])
    await Promise.resolve()
    expect(store.getSnapshot()).toMatchObject({ phase: 'ended', state: { error: 'Gateway deleted' } })
  })

  it('keeps retrying refusals the API cannot explain (it may be restarting)', async () => {
    const { store, advance, last, diagnosed, sockets } = setup(null)
    store.connect(7)
    for (let refusal = 0; refusal < REFUSALS_BEFORE_DIAGNOSIS; refusal++) {
      last().handlers.onClose(1006, '')
      advance(60_000)
    }
    await Promise.resolve()
    expect(diagnosed).toEqual([7])
    expect(store.getSnapshot().phase).toBe('connecting')
    expect(sockets).toHaveLength(REFUSALS_BEFORE_DIAGNOSIS + 1)
  })

  it('stops after a close that ends the relay, and Connect starts it again', () => {
    const { store, sockets, timers, advance, last } = setup()
    store.connect(1)
    last().send(state(1))
    last().handlers.onClose(LIVE_CLOSE.gatewayDeleted, 'gateway deleted')
    expect(store.getSnapshot()).toMatchObject({
      phase: 'ended',
      gateway: { id: 1 },
      closeCode: 4404,
      reconnectAt: null,
      state: { isConnected: false, error: 'Gateway deleted' },
    })
    advance(60_000)
    expect(sockets).toHaveLength(1)
    expect(timers.size).toBe(0)
    store.connect(1)
    expect(sockets).toHaveLength(2)
    expect(store.getSnapshot()).toMatchObject({ phase: 'connecting', closeCode: null })
  })

  it('gives up on a gateway that keeps failing: closes the socket, keeps the reason, Connect starts over', () => {
    const { store, sockets, advance, last } = setup()
    store.connect(1, 'Alpha')
    last().handlers.onOpen()
    const failure: LiveMessage = {
      type: 'state',
      gateway_id: 1,
      gateway_name: 'gw-1',
      state: {
        isConnected: false,
        url: 'ws://10.0.0.1:18789',
        latency: null,
        lastPing: null,
        error: 'refused',
      },
      reconnect_in_ms: 1_000,
    }
    for (let attempt = 1; attempt < GIVE_UP_AFTER_FAILURES; attempt++) {
      last().send(failure)
      advance(1_000)
    }
    expect(store.getSnapshot()).toMatchObject({ phase: 'open', failures: GIVE_UP_AFTER_FAILURES - 1 })
    last().send(failure)
    expect(store.getSnapshot()).toMatchObject({
      phase: 'gave-up',
      reconnectAt: null,
      state: { isConnected: false, error: 'refused' },
    })
    expect(last().closedWith).toEqual([1000, 'gave up'])
    advance(60_000)
    expect(sockets).toHaveLength(1)

    store.connect(1)
    expect(sockets).toHaveLength(2)
    expect(store.getSnapshot()).toMatchObject({
      phase: 'connecting',
      failures: 0,
      gateway: { id: 1, name: 'gw-1' },
    })
  })

  it('disconnect closes the socket, cancels a pending retry and goes idle', () => {
    const { store, sockets, timers, last } = setup()
    store.connect(1)
    last().handlers.onClose(1006, '')
    expect(timers.size).toBe(1)
    store.disconnect()
    expect(timers.size).toBe(0)
    expect(store.getSnapshot()).toMatchObject({ phase: 'idle', gateway: null, events: [] })
    store.connect(1)
    store.disconnect()
    expect(sockets[1]?.closedWith?.[0]).toBe(1000)
  })

  it('connects the primary once per load, and not after a manual connect or disconnect', () => {
    const first = setup()
    first.store.autoConnect({ id: 3, name: 'Primary' })
    first.store.autoConnect({ id: 4, name: 'Other' })
    expect(first.sockets.map((socket) => socket.gatewayId)).toEqual([3])

    const none = setup()
    none.store.autoConnect(null)
    none.store.autoConnect({ id: 3, name: 'Primary' })
    expect(none.sockets).toHaveLength(0)

    const manual = setup()
    manual.store.connect(1)
    manual.store.disconnect()
    manual.store.autoConnect({ id: 3, name: 'Primary' })
    expect(manual.sockets).toHaveLength(1)
  })

  it('follows the primary role from the former primary to the new one, saying why', () => {
    const { store, sockets, last } = setup()
    store.connect(1, 'gw-a')
    last().handlers.onClose(1006, '')
    const a = { id: 1, name: 'gw-a' }
    const b = { id: 2, name: 'gw-b' }
    store.followPrimary({ from: a, to: b, reason: null })
    expect(sockets[0]?.closedWith).toEqual(null)
    expect(sockets.map((socket) => socket.gatewayId)).toEqual([1, 2])
    expect(store.getSnapshot()).toMatchObject({
      phase: 'connecting',
      gateway: b,
      moved: { from: a, reason: null },
    })

    // The event with the reason arrives after the flag (or before: then the flag changes nothing).
    store.followPrimary({ from: a, to: b, reason: 'gw-a failed 3 probes in a row' })
    store.followPrimary({ from: a, to: b, reason: null })
    expect(sockets).toHaveLength(2)
    expect(store.getSnapshot().moved?.reason).toBe('gw-a failed 3 probes in a row')

    // A relay opened by hand afterwards no longer explains a move.
    store.connect(3, 'gw-c')
    expect(store.getSnapshot().moved).toBeNull()
  })

  it('leaves a relay on another gateway, or none, where it is when the primary moves', () => {
    const { store, sockets } = setup()
    const move = { from: { id: 1, name: 'gw-a' }, to: { id: 2, name: 'gw-b' }, reason: 'gone' }
    store.followPrimary(move)
    expect(store.getSnapshot().phase).toBe('idle')
    store.connect(3, 'gw-c')
    store.followPrimary(move)
    expect(sockets.map((socket) => socket.gatewayId)).toEqual([3])
    expect(store.getSnapshot()).toMatchObject({ gateway: { id: 3 }, moved: null })
  })

  it('pause closes the socket but keeps the relay; resume opens it again', () => {
    const { store, sockets } = setup()
    store.resume()
    expect(sockets).toHaveLength(0)
    store.connect(1)
    store.pause()
    expect(sockets[0]?.closedWith).not.toBeNull()
    store.resume()
    expect(sockets.map((socket) => socket.gatewayId)).toEqual([1, 1])
    store.resume()
    expect(sockets).toHaveLength(2)
  })
})
