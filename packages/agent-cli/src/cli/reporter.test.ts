import { describe, expect, it } from 'vitest'
import { AgentApiError } from '../api/agent-api-error.ts'
import type { AgentConnectionEvent } from '../connection/events.ts'
import { createReporter } from './reporter.ts'

const KEY = 'mc_reporter_secret_key'
const connection = {
  connection_id: 'conn-1',
  agent_id: 7,
  agent_name: 'codex-session-01',
  status: 'connected' as const,
  heartbeat_url: '/api/agents/7/heartbeat',
  heartbeat_interval_s: 30,
}
const unreachable = new AgentApiError('connect', 'transient', 'POST /api/connect: ECONNREFUSED')
const EVENTS: AgentConnectionEvent[] = [
  { type: 'retrying', operation: 'connect', attempt: 1, delayMs: 800, error: unreachable },
  { type: 'retrying', operation: 'connect', attempt: 2, delayMs: 1600, error: unreachable },
  { type: 'registered', connection, reconnect: false },
  {
    type: 'heartbeat',
    response: {
      status: 'ok',
      agent_id: 7,
      connection_id: 'conn-1',
      token_recorded: false,
      next_heartbeat_before: 1,
    },
    tokens: undefined,
  },
  { type: 'disconnected', connectionId: 'conn-1' },
]

function lines(verbose: boolean, events: AgentConnectionEvent[]) {
  const out: string[] = []
  const reporter = createReporter({ write: (text) => out.push(text), verbose, secrets: [KEY] })
  for (const event of events) reporter.onEvent(event)
  return out
}

describe('createReporter', () => {
  it('by default says only what needs a person: a first failed registration and its recovery', () => {
    expect(lines(false, EVENTS)).toEqual([
      'mc-agent: cannot register with Mission Control yet (POST /api/connect: ECONNREFUSED); the command runs anyway, retrying in the background\n',
      'mc-agent: registered after all: agent 7 (codex-session-01), connection conn-1\n',
    ])
  })

  it('with --verbose tells every step', () => {
    expect(lines(true, EVENTS)).toEqual([
      'mc-agent: POST /api/connect: ECONNREFUSED; retry 1 in 0.8 s\n',
      'mc-agent: POST /api/connect: ECONNREFUSED; retry 2 in 1.6 s\n',
      'mc-agent: registered: agent 7 (codex-session-01), connection conn-1\n',
      'mc-agent: heartbeat ok (conn-1)\n',
      'mc-agent: disconnected conn-1\n',
    ])
  })

  it('reports a refused key once, in one line, with a hint and without the key', () => {
    const error = new AgentApiError(
      'connect',
      'permanent',
      `POST /api/connect: HTTP 401: bad key ${KEY}`,
      401,
    )
    expect(lines(false, [{ type: 'failed', error }])).toEqual([
      'mc-agent: monitoring stopped: POST /api/connect: HTTP 401: bad key *** (check --api-key / MC_API_KEY); the command keeps running\n',
    ])
  })
})

describe('when the command ended first', () => {
  const ended = (events: AgentConnectionEvent[], { before = [] as AgentConnectionEvent[] } = {}) => {
    const out: string[] = []
    const reporter = createReporter({ write: (text) => out.push(text), verbose: false, secrets: [KEY] })
    for (const event of before) reporter.onEvent(event)
    reporter.commandEnded()
    for (const event of events) reporter.onEvent(event)
    reporter.connectionStopped()
    return out
  }

  it('says once that the run is not recorded when Mission Control could not be reached', () => {
    expect(ended(EVENTS.slice(0, 2))).toEqual([
      'mc-agent: this run is not recorded: could not register with Mission Control (POST /api/connect: ECONNREFUSED)\n',
    ])
    expect(ended([])).toEqual([
      'mc-agent: this run is not recorded: no answer from Mission Control in time\n',
    ])
    expect(ended([], { before: EVENTS.slice(0, 1) })).toEqual([
      'mc-agent: cannot register with Mission Control yet (POST /api/connect: ECONNREFUSED); the command runs anyway, retrying in the background\n',
      'mc-agent: this run is not recorded: could not register with Mission Control (POST /api/connect: ECONNREFUSED)\n',
    ])
  })

  it('says nothing more about a registered run', () => {
    expect(ended(EVENTS.slice(2))).toEqual([])
  })

  it('reports a refusal without claiming the command still runs', () => {
    const error = new AgentApiError('connect', 'permanent', 'POST /api/connect: HTTP 403: forbidden', 403)
    expect(ended([{ type: 'failed', error }])).toEqual([
      'mc-agent: Mission Control refused this agent: POST /api/connect: HTTP 403: forbidden (the key needs the operator role)\n',
    ])
  })
})

describe('a connection that keeps ending', () => {
  it("is reported once, on the third loss in a row, with the server's reason", () => {
    const error = new AgentApiError('heartbeat', 'connection-gone', 'HTTP 409: disconnected', 409)
    const lost = (inARow: number): AgentConnectionEvent => ({
      type: 'connection-lost',
      connectionId: 'c',
      reason: 'heartbeat_timeout',
      error,
      inARow,
    })
    expect(lines(false, [lost(1), lost(2), lost(3), lost(4), lost(5)])).toEqual([
      "mc-agent: connection ended 3 times in a row before a heartbeat got through (heartbeat_timeout); is --interval longer than the server's heartbeat timeout? Re-registering with backoff\n",
    ])
  })

  it('says so when another tool with the same name and tool took over', () => {
    expect(lines(false, [{ type: 'replaced', connectionId: 'conn-old' }])).toEqual([
      'mc-agent: connection conn-old was replaced by a newer one of the same agent and tool: another mc-agent with the same --name and --tool? Monitoring stops; the command keeps running\n',
    ])
  })
})
