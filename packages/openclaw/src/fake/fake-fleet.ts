import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { FakeGatewayMode } from './fake-settings.ts'

export interface FakeFleetOptions {
  /** Fakes that answer like a healthy gateway. */
  healthy: number
  /** Fakes that accept TCP and never answer. */
  blackholes: number
  token: string
  /** How long each healthy fake takes to answer `connect` with hello-ok. */
  helloDelayMs: number
  /** Presence entries in each hello-ok (about 80 make the ≈24 KB of a busy real gateway). */
  helloPresence: number
  /** Sessions on each healthy fake; default a few (0 to 6), varying by fake. */
  sessionsEach?: number
}

export type FleetRequest =
  | { type: 'start'; options: FakeFleetOptions }
  | { type: 'take-hello-answers' }
  | { type: 'set-mode'; mode: FakeGatewayMode }
  | { type: 'create-sessions'; count: number }
  | { type: 'tool-traffic'; perSecond: number }
  | { type: 'stop' }

export type FleetReply =
  | { type: 'started'; healthyPorts: number[]; blackholePorts: number[] }
  | { type: 'hello-answers'; answers: HelloAnswer[] }
  | { type: 'mode-set' }
  | { type: 'sessions-created'; sessions: CreatedSession[] }
  | { type: 'tool-traffic-set' }

/** How long one healthy fake (by port) took to answer a hello, from the connect's arrival to hello-ok's sending. */
export interface HelloAnswer {
  port: number
  ms: number
}

/** A session a healthy fake (by port) made, and when (epoch ms, this machine's clock). */
export interface CreatedSession {
  port: number
  key: string
  at: number
}

export interface FakeFleet {
  /** The fakes' process, for measuring what answering costs it. */
  pid: number
  healthyPorts: number[]
  blackholePorts: number[]
  /** How long the healthy fakes took to answer each hello since the last call; then forgets them. */
  takeHelloAnswers(): Promise<HelloAnswer[]>
  /** Switches every healthy fake to `mode` at once (e.g. all stop answering), resolving once done. */
  setMode(mode: FakeGatewayMode): Promise<void>
  /** One new session on each of the first `count` healthy fakes, announced to their subscribers. */
  createSessions(count: number): Promise<CreatedSession[]>
  /**
   * Steady tool calls over all healthy fakes, `perSecond` in all (0 stops them): each call's end
   * event carries its send time (`ts`, `endedAt`), for measuring the lag to what a watcher stored.
   */
  setToolTraffic(perSecond: number): Promise<void>
  stop(): Promise<void>
}

const PROCESS_ENTRY = fileURLToPath(new URL('./fake-fleet-process.ts', import.meta.url))

/**
 * Fake gateways in a child process of their own (run through tsx): a benchmark or test that measures
 * what a prober records must not have the fakes' work queued on its own event loop.
 */
export async function startFakeFleet(options: FakeFleetOptions): Promise<FakeFleet> {
  // BENCH_CPU_PROF=1 profiles the fakes too, as the bench's worker processes (bench-worker.ts).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', PROCESS_ENTRY], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const started = await ask(child, { type: 'start', options }, 'started')
  return {
    pid: child.pid ?? 0,
    healthyPorts: started.healthyPorts,
    blackholePorts: started.blackholePorts,
    takeHelloAnswers: async () => (await ask(child, { type: 'take-hello-answers' }, 'hello-answers')).answers,
    async setMode(mode) {
      await ask(child, { type: 'set-mode', mode }, 'mode-set')
    },
    createSessions: async (count) =>
      (await ask(child, { type: 'create-sessions', count }, 'sessions-created')).sessions,
    async setToolTraffic(perSecond) {
      await ask(child, { type: 'tool-traffic', perSecond }, 'tool-traffic-set')
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.send({ type: 'stop' } satisfies FleetRequest)
      await exited
    },
  }
}

function ask<T extends FleetReply['type']>(
  child: ChildProcess,
  request: FleetRequest,
  answer: T,
): Promise<Extract<FleetReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`fake fleet exited (${code}) before ${answer}`))
    const onMessage = (message: FleetReply) => {
      if (message.type !== answer) return
      child.off('message', onMessage).off('exit', onExit)
      resolve(message as Extract<FleetReply, { type: T }>)
    }
    child.on('message', onMessage).once('exit', onExit)
    child.send(request)
  })
}
