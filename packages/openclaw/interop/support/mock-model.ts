import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A loopback OpenAI-compatible model server (`/v1/models`, streamed `/v1/chat/completions`) that lets a
 * real gateway run agents without a real model. It echoes the user's message; a message saying
 * `TOOL <name> <json arguments>` gets that tool call instead; `hold()` keeps an answer open until the
 * test releases it, so a run can be observed in progress without guessing how long it takes.
 */
export interface MockModel {
  /** `http://127.0.0.1:PORT/v1`, what the gateway's provider config points at. */
  baseUrl: string
  /**
   * Holds the answer to the next completion request whose user text contains `match` (any request when
   * omitted). `arrived` resolves once such a request is being held, i.e. the run is in progress.
   */
  hold(match?: string): HeldAnswer
  /** Releases every held answer and closes the server. */
  stop(): Promise<void>
}

export interface HeldAnswer {
  arrived: Promise<void>
  release(): void
}

export const MOCK_MODEL_ID = 'echo-1'
export const MOCK_PROVIDER = 'mock'

// The gateway appends a user message carrying this marker to every request; answering it as if the
// user had said it makes a tool-calling mock loop forever.
const INTERNAL_CONTEXT_MARKER = 'OPENCLAW_INTERNAL_CONTEXT'
// The gateway wraps the user's text (a timestamp before it, a `Runtime:` line after): match within a line.
const TOOL_REQUEST = /\bTOOL\s+([\w.-]+)\s+(\{[^\n]*\})/
const MAX_BODY_BYTES = 32 * 1024 * 1024

interface ChatMessage {
  role?: unknown
  content?: unknown
}

interface Hold {
  match: string | undefined
  arrived: () => void
  released: Promise<void>
  release: () => void
}

/** Starts the server on a free loopback port. */
export async function startMockModel(): Promise<MockModel> {
  const holds: Hold[] = []
  const releaseAll: (() => void)[] = []
  let toolCalls = 0

  const takeHold = (prompt: string): Promise<void> | null => {
    const index = holds.findIndex((hold) => hold.match === undefined || prompt.includes(hold.match))
    if (index < 0) return null
    const [hold] = holds.splice(index, 1)
    hold?.arrived()
    return hold?.released ?? null
  }

  const server = http.createServer((request, response) => {
    void route(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ error: { message: String(error) } }))
    })
  })

  async function route(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://mock').pathname
    if (request.method === 'GET' && path === '/v1/models') {
      const model = { id: MOCK_MODEL_ID, object: 'model', created: 0, owned_by: MOCK_PROVIDER }
      return json(response, 200, { object: 'list', data: [model] })
    }
    if (request.method !== 'POST' || path !== '/v1/chat/completions') {
      return json(response, 404, { error: { message: `no route ${request.method} ${path}` } })
    }
    const body = JSON.parse(await readBody(request)) as { messages?: ChatMessage[]; model?: string }
    const messages = (body.messages ?? []).filter(
      (message) => !textOf(message).includes(INTERNAL_CONTEXT_MARKER),
    )
    const last = messages.at(-1)
    const prompt = last?.role === 'user' ? textOf(last) : ''

    const stream = openStream(response, body.model ?? MOCK_MODEL_ID)
    stream.chunk({ role: 'assistant', content: '' })
    const held = takeHold(prompt)
    if (held) await held
    // After a tool result (the last message is the tool's), answer in words: the run ends there.
    const tool = last?.role === 'user' ? TOOL_REQUEST.exec(prompt) : null
    if (tool) {
      toolCalls += 1
      const call = { index: 0, id: `call_mock_${toolCalls}`, type: 'function' }
      stream.chunk({ tool_calls: [{ ...call, function: { name: tool[1], arguments: tool[2] } }] })
      stream.finish('tool_calls')
    } else {
      stream.chunk({ content: last?.role === 'tool' ? 'tool finished' : `echo: ${prompt.split('\n')[0]}` })
      stream.finish('stop')
    }
    stream.usage(promptTokens(body.messages ?? []), 8)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    hold(match) {
      let arrived = () => {}
      let release = () => {}
      const arrivedPromise = new Promise<void>((resolve) => {
        arrived = resolve
      })
      const released = new Promise<void>((resolve) => {
        release = resolve
      })
      holds.push({ match, arrived, released, release })
      releaseAll.push(release)
      return { arrived: arrivedPromise, release }
    },
    async stop() {
      for (const release of releaseAll) release()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** The gateway config that makes `mock/echo-1` (served by `model`) every agent's model. */
export function mockModelConfig(model: Pick<MockModel, 'baseUrl'>) {
  return {
    models: {
      providers: {
        [MOCK_PROVIDER]: {
          baseUrl: model.baseUrl,
          apiKey: 'any',
          api: 'openai-completions',
          models: [
            {
              id: MOCK_MODEL_ID,
              name: 'Mock Echo',
              reasoning: false,
              input: ['text'],
              cost: { input: 3, output: 15, cacheRead: 0, cacheWrite: 0 },
              contextWindow: 128_000,
              maxTokens: 4096,
            },
          ],
        },
      },
    },
    agents: { defaults: { model: { primary: `${MOCK_PROVIDER}/${MOCK_MODEL_ID}` } } },
  }
}

/** A server-sent-events answer of `chat.completion.chunk`s. */
function openStream(response: http.ServerResponse, model: string) {
  const id = `chatcmpl-mock-${Date.now()}`
  const created = Math.floor(Date.now() / 1000)
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  })
  const send = (data: unknown) => response.write(`data: ${JSON.stringify(data)}\n\n`)
  const base = { id, object: 'chat.completion.chunk', created, model }
  return {
    chunk: (delta: Record<string, unknown>) =>
      send({ ...base, choices: [{ index: 0, delta, finish_reason: null }] }),
    finish: (reason: string) => send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: reason }] }),
    usage(prompt: number, completion: number) {
      send({
        ...base,
        choices: [],
        usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
      })
      response.end('data: [DONE]\n\n')
    },
  }
}

/** A message's text, whether its content is a string or a list of parts. */
function textOf(message: ChatMessage): string {
  if (typeof message.content === 'string') return message.content
  if (!Array.isArray(message.content)) return ''
  return message.content
    .map((part: unknown) =>
      typeof part === 'object' && part !== null && 'text' in part && typeof part.text === 'string'
        ? part.text
        : '',
    )
    .join('')
}

// Roughly four characters a token: enough for the gateway to report non-zero usage and cost.
function promptTokens(messages: ChatMessage[]): number {
  return Math.max(1, Math.ceil(messages.reduce((sum, message) => sum + textOf(message).length, 0) / 4))
}

function json(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new Error('request body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
