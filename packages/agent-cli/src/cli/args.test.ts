import { describe, expect, it } from 'vitest'
import { parseCliArgs, secretsIn, UsageError } from './args.ts'

const KEY = 'mc_test_key_0123456789'
const BASE = [
  '--url',
  'http://localhost:3000',
  '--api-key',
  KEY,
  '--name',
  'codex-session-01',
  '--tool',
  'codex',
]

function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const parsed = parseCliArgs(argv, env)
  if (parsed.kind !== 'run') throw new Error(`expected run, got ${parsed.kind}`)
  return parsed.options
}

function usageError(argv: string[], env: NodeJS.ProcessEnv = {}): string {
  try {
    parseCliArgs(argv, env)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error('expected a usage error')
}

describe('parseCliArgs', () => {
  it('reads every option and everything after -- as the command, untouched', () => {
    const options = run([
      ...BASE,
      '--tool-version',
      '2.1.0',
      '--role',
      'coder',
      '--metadata',
      '{"model":"gpt-5"}',
      '--interval',
      '15',
      '-v',
      '--',
      'codex',
      '--model',
      'gpt-5',
      '--',
      '-h',
    ])
    expect(options).toEqual({
      url: 'http://localhost:3000',
      apiKey: KEY,
      name: 'codex-session-01',
      tool: 'codex',
      toolVersion: '2.1.0',
      role: 'coder',
      metadata: { model: 'gpt-5' },
      intervalS: 15,
      verbose: true,
      command: ['codex', '--model', 'gpt-5', '--', '-h'],
    })
  })

  it('takes --url and --api-key from MC_URL and MC_API_KEY, options winning', () => {
    const env = { MC_URL: 'https://mc.example/base/', MC_API_KEY: KEY }
    const options = run(['--name', 'a', '--tool', 't', '--', 'true'], env)
    expect(options).toMatchObject({ url: 'https://mc.example/base', apiKey: KEY, verbose: false })
    expect(options).not.toHaveProperty('intervalS')
    expect(options).not.toHaveProperty('metadata')
    expect(run(['--url', 'http://other:3000', '--name', 'a', '--tool', 't', '--', 'true'], env).url).toBe(
      'http://other:3000',
    )
  })

  it('answers --help and --version before checking anything else', () => {
    expect(parseCliArgs(['--help'], {})).toEqual({ kind: 'help' })
    expect(parseCliArgs(['-h', '--name', 'x'], {})).toEqual({ kind: 'help' })
    expect(parseCliArgs(['--version'], {})).toEqual({ kind: 'version' })
  })

  it('is a usage error without the command, or with a command not after --', () => {
    expect(usageError(BASE)).toMatch(/no command given.*after --/)
    expect(usageError([...BASE, '--'])).toMatch(/no command given/)
    expect(usageError([...BASE, 'codex'])).toMatch(/Unexpected argument 'codex'.*the command goes after --/)
    expect(usageError([...BASE, '--', ''])).toMatch(/no command given/)
  })

  it('is a usage error when a required option is missing', () => {
    const without = (flag: string) => {
      const i = BASE.indexOf(flag)
      return [...BASE.slice(0, i), ...BASE.slice(i + 2), '--', 'true']
    }
    expect(usageError(without('--url'))).toBe('--url (or MC_URL) is required')
    expect(usageError(without('--api-key'))).toBe('--api-key (or MC_API_KEY) is required')
    expect(usageError(without('--name'))).toBe('--name is required')
    expect(usageError(without('--tool'))).toBe('--tool is required')
    expect(usageError([...BASE.slice(0, 6), '--tool', '   ', '--', 'true'])).toBe('--tool is required')
  })

  it('rejects unknown options, option values missing, bad URLs, intervals and metadata', () => {
    expect(usageError([...BASE, '--colour', '--', 'true'])).toMatch(/Unknown option '--colour'/)
    expect(usageError([...BASE, '--role'])).toMatch(/--role/)
    const swap = (flag: string, value: string) => {
      const argv = [...BASE, '--', 'true']
      argv[argv.indexOf(flag) + 1] = value
      return argv
    }
    expect(usageError(swap('--url', 'localhost:3000'))).toMatch(/http/)
    expect(usageError(swap('--url', 'ftp://x'))).toMatch(/http/)
    expect(usageError(swap('--url', 'http://user:pw@x'))).toMatch(/credentials/)
    for (const interval of ['0', '-5', 'abc', '', '99999']) {
      expect(usageError([...BASE, '--interval', interval, '--', 'true'])).toMatch(/--interval/)
    }
    expect(usageError([...BASE, '--metadata', '{nope', '--', 'true'])).toBe('--metadata must be valid JSON')
    expect(usageError([...BASE, '--metadata', '[1,2]', '--', 'true'])).toBe(
      '--metadata must be a JSON object',
    )
    expect(usageError([...BASE, '--metadata', '"text"', '--', 'true'])).toBe(
      '--metadata must be a JSON object',
    )
    const big = JSON.stringify({ blob: 'x'.repeat(17 * 1024) })
    expect(usageError([...BASE, '--metadata', big, '--', 'true'])).toMatch(/--metadata: at most 16 KB/)
    expect(usageError([...BASE.slice(0, 4), '--name', 'n'.repeat(201), '--tool', 't', '--', 'true'])).toMatch(
      /^--name: at most 200/,
    )
  })
})

describe('secretsIn', () => {
  it('finds the key in --api-key KEY, --api-key=KEY and MC_API_KEY, not after --', () => {
    expect(
      secretsIn(['--api-key', 'k1-secret', '--', '--api-key', 'child-arg'], { MC_API_KEY: 'env-key' }),
    ).toEqual(['env-key', 'k1-secret'])
    expect(secretsIn(['--api-key=k2-secret'], {})).toEqual(['k2-secret'])
    expect(secretsIn(['--api-key=', 'k3-secret'], {})).toEqual(['k3-secret'])
    expect(secretsIn(['--name', 'x'], {})).toEqual([])
  })
})
