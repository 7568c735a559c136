import postgres from 'postgres'

/**
 * A small pool on the stack's database, for fixtures that only the worker would write (tool calls,
 * usage polled from gateways, gateway events, log lines): a spec inserts them instead of driving
 * a gateway for hours. End it in the spec's `afterAll`.
 */
export function openDatabase(url: string) {
  return postgres(url, { max: 2, onnotice: () => {} })
}

export type Sql = ReturnType<typeof openDatabase>
