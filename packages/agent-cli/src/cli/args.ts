import { parseArgs } from 'node:util'
import { connectionMetadataSchema, connectRequestSchema, errorMessage } from '@mc/shared'
import type { AgentConnectionOptions } from '../connection/agent-connection.ts'

/** A mistake in how mc-agent was called: printed with a pointer to --help, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export interface RunOptions
  extends Pick<
    AgentConnectionOptions,
    'url' | 'apiKey' | 'name' | 'tool' | 'toolVersion' | 'role' | 'metadata' | 'intervalS'
  > {
  verbose: boolean
  /** The program and its arguments, run without a shell. */
  command: string[]
}

export type ParsedArgs = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; options: RunOptions }

const OPTIONS = {
  url: { type: 'string' },
  'api-key': { type: 'string' },
  name: { type: 'string' },
  tool: { type: 'string' },
  'tool-version': { type: 'string' },
  role: { type: 'string' },
  metadata: { type: 'string' },
  interval: { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const

const FLAG_OF_FIELD: Record<string, string> = {
  agent_name: '--name',
  tool_name: '--tool',
  tool_version: '--tool-version',
  agent_role: '--role',
  metadata: '--metadata',
}

/**
 * The API key wherever it may appear in the raw arguments or the environment, so that even a
 * usage error about a mistyped command line cannot echo it.
 */
export function secretsIn(argv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const secrets: string[] = []
  if (env.MC_API_KEY) secrets.push(env.MC_API_KEY)
  const end = argv.indexOf('--')
  const options = end === -1 ? argv : argv.slice(0, end)
  options.forEach((arg, i) => {
    const inline = arg.startsWith('--api-key=') ? arg.slice('--api-key='.length) : undefined
    if (inline) secrets.push(inline)
    const next = options[i + 1]
    // `--api-key KEY`, and `--api-key= KEY` (a stray space makes the key a positional argument).
    if ((arg === '--api-key' || inline === '') && next !== undefined) secrets.push(next)
  })
  return secrets
}

function parseUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UsageError(`--url must be an http(s) URL such as http://localhost:3000`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError('--url must start with http(s)://')
  if (url.username || url.password) throw new UsageError('--url must not contain credentials; use --api-key')
  if (url.search || url.hash) throw new UsageError('--url must not have a query or fragment')
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

function parseMetadata(value: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    throw new UsageError('--metadata must be valid JSON')
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError('--metadata must be a JSON object')
  }
  const checked = connectionMetadataSchema.safeParse(parsed)
  if (!checked.success) throw new UsageError(`--metadata: ${checked.error.issues[0]?.message}`)
  return checked.data
}

function parseInterval(value: string): number {
  const seconds = Number(value)
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 1 || seconds > 3600) {
    throw new UsageError('--interval must be a number of seconds from 1 to 3600')
  }
  return seconds
}

function required(value: string | undefined, what: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${what} is required`)
  return value
}

/** Reads mc-agent's command line: `[options] -- <command> [args...]`. Throws UsageError. */
export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedArgs {
  const end = argv.indexOf('--')
  const optionArgs = end === -1 ? [...argv] : argv.slice(0, end)
  const command = end === -1 ? [] : argv.slice(end + 1)
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS }>>['values']
  try {
    values = parseArgs({ args: optionArgs, options: OPTIONS, strict: true, allowPositionals: false }).values
  } catch (error) {
    const message = errorMessage(error).split('\n')[0]
    const hint = end === -1 ? ' (the command goes after --)' : ''
    throw new UsageError(`${message}${hint}`)
  }
  if (values.help) return { kind: 'help' }
  if (values.version) return { kind: 'version' }

  const url = parseUrl(required(values.url ?? env.MC_URL, '--url (or MC_URL)'))
  const apiKey = required(values['api-key'] ?? env.MC_API_KEY, '--api-key (or MC_API_KEY)')
  const name = required(values.name, '--name')
  const tool = required(values.tool, '--tool')
  if (command.length === 0 || command[0] === '') {
    throw new UsageError('no command given: put it after --, e.g. mc-agent … -- codex')
  }
  const metadata = values.metadata === undefined ? undefined : parseMetadata(values.metadata)
  const request = connectRequestSchema.safeParse({
    agent_name: name,
    tool_name: tool,
    tool_version: values['tool-version'],
    agent_role: values.role,
    metadata,
  })
  if (!request.success) {
    const issue = request.error.issues[0]
    const field = String(issue?.path[0] ?? '')
    throw new UsageError(`${FLAG_OF_FIELD[field] ?? field}: ${issue?.message}`)
  }
  return {
    kind: 'run',
    options: {
      url,
      apiKey,
      name: request.data.agent_name,
      tool: request.data.tool_name,
      ...(request.data.tool_version != null && { toolVersion: request.data.tool_version }),
      ...(request.data.agent_role !== undefined && { role: request.data.agent_role }),
      ...(metadata !== undefined && { metadata }),
      ...(values.interval !== undefined && { intervalS: parseInterval(values.interval) }),
      verbose: values.verbose ?? false,
      command,
    },
  }
}
