import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import packageJson from '@mc/agent-cli/package.json' with { type: 'json' }
import { eventually } from '@mc/testing'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { agentName, useRealApi } from '../testing/real-api.ts'

const packageDir = path.dirname(createRequire(import.meta.url).resolve('@mc/agent-cli/package.json'))
const bundle = path.join(packageDir, 'dist/mc-agent.js')
const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url))
const real = useRealApi()
const { connectionsOf, connected, heartbeatAdvances } = real
let url: string
let key: string

beforeAll(async () => {
  // The artifact users run: the same bundle `npm run build` makes.
  await promisify(execFile)(process.execPath, ['../../scripts/bundle-node.mjs', 'src/mc-agent.ts'], {
    cwd: packageDir,
  })
  url = real.url
  key = real.key
})

interface Agent {
  process: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

const running: Agent[] = []
afterEach(() => {
  // Each agent leads its own process group: npx's children go too.
  for (const agent of running.splice(0)) {
    if (agent.process.pid === undefined) continue
    try {
      process.kill(-agent.process.pid, 'SIGKILL')
    } catch {
      // the whole group has ended
    }
  }
})

/**
 * Runs mc-agent (the built bundle, or `npx --no -- mc-agent` from the repository's root as the
 * README shows it); stdout and stderr (its own and the command's) are collected together.
 */
function mcAgent(
  args: string[],
  command: string[],
  env: Record<string, string> = {},
  launcher: 'bundle' | 'npx' = 'bundle',
): Agent {
  const [program, launch] =
    launcher === 'bundle' ? [process.execPath, [bundle]] : ['npx', ['--no', '--', 'mc-agent']]
  const child = spawn(program, [...launch, ...args, '--', ...command], {
    ...(launcher === 'npx' && { cwd: repoRoot }),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)))
  const agent = { process: child, output: () => output, exited }
  running.push(agent)
  return agent
}

const nodeCommand = (script: string) => [process.execPath, '-e', script]

/**
 * A command that runs until the test releases it, then prints `lastWords` (if any) and exits with
 * `code`: a command that ran for a fixed time would race what the test waits for on a slow machine.
 */
async function heldCommand(code: number, lastWords?: string) {
  const marker = path.join(await mkdtemp(path.join(tmpdir(), 'mc-agent-test-')), 'release')
  const words = lastWords === undefined ? '' : `console.log(${JSON.stringify(lastWords)});`
  return {
    command: nodeCommand(
      `setInterval(() => { if (require('node:fs').existsSync(${JSON.stringify(marker)})) { ${words} process.exit(${code}) } }, 20)`,
    ),
    release: () => writeFile(marker, ''),
  }
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  const port = (closed.address() as AddressInfo).port
  await new Promise((resolve) => closed.close(resolve))
  return port
}

describe('mc-agent against the real API', () => {
  it('registers, heartbeats while the command runs, passes its exit code through and disconnects', async () => {
    const name = agentName()
    const work = await heldCommand(3)
    const agent = mcAgent(
      ['--url', url, '--name', name, '--tool', 'codex', '--tool-version', '2.1.0', '--interval', '1'].concat([
        '--metadata',
        '{"model":"gpt-5"}',
      ]),
      work.command,
      { MC_API_KEY: key },
    )
    const first = await connected(name)
    expect(first).toMatchObject({ tool_name: 'codex', tool_version: '2.1.0', agent_name: name })
    expect(JSON.parse(first.metadata ?? '{}')).toMatchObject({
      workspace: process.cwd(),
      command: 'node',
      model: 'gpt-5',
    })
    await heartbeatAdvances(name, first)

    await work.release()
    expect(await agent.exited).toBe(3)
    const after = await connectionsOf(name)
    expect(after.map((c) => [c.connection_id, c.status])).toEqual([[first.connection_id, 'disconnected']])
    expect(agent.output()).not.toContain(key)
    expect(agent.output()).toBe('')
  })

  it('runs as the README shows it, npx --no -- mc-agent, every option reaching mc-agent (not npm)', async () => {
    // npm links a bin only when its file exists, and `npm ci` runs before any build.
    expect(packageJson.bin['mc-agent']).toBe('./bin/mc-agent.js')
    const name = agentName()
    const work = await heldCommand(6)
    const agent = mcAgent(
      ['--url', url, '--name', name, '--tool', 'codex'],
      work.command,
      { MC_API_KEY: key },
      'npx',
    )
    const connection = await connected(name)
    expect(connection.tool_name).toBe('codex')
    await work.release()
    expect(await agent.exited).toBe(6)
    expect((await connectionsOf(name)).map((c) => c.status)).toEqual(['disconnected'])
    expect(agent.output()).toBe('')
  })

  it('passes SIGTERM on to the command, disconnects, and exits 143', async () => {
    const name = agentName()
    const agent = mcAgent(
      [
        '--url',
        url,
        '--api-key',
        key,
        '--name',
        name,
        '--tool',
        'claude-code',
        '--interval',
        '1',
        '--verbose',
      ],
      nodeCommand(`
        process.on('SIGTERM', () => {
          console.log('child got SIGTERM')
          process.removeAllListeners('SIGTERM')
          process.kill(process.pid, 'SIGTERM')
        })
        console.log('child ready')
        setInterval(() => {}, 1000)`),
    )
    const connection = await connected(name)
    await eventually(() => expect(agent.output()).toContain('child ready'))
    agent.process.kill('SIGTERM')

    expect(await agent.exited).toBe(143)
    expect(agent.output()).toContain('child got SIGTERM')
    expect(agent.output()).toContain(`disconnected ${connection.connection_id}`)
    expect((await connectionsOf(name)).map((c) => c.status)).toEqual(['disconnected'])
    expect(agent.output()).not.toContain(key)
  })

  it('registers again when its connection is ended under it (409), and keeps heartbeating', async () => {
    const name = agentName()
    const work = await heldCommand(0)
    const agent = mcAgent(
      ['--url', url, '--name', name, '--tool', 'codex', '--interval', '1', '-v'],
      work.command,
      { MC_API_KEY: key },
    )
    const first = await connected(name)
    const ended = await fetch(`${url}/api/connect`, {
      method: 'DELETE',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ connection_id: first.connection_id }),
    })
    expect(ended.status).toBe(200)

    const second = await connected(name)
    expect(second.connection_id).not.toBe(first.connection_id)
    await heartbeatAdvances(name, second)
    await work.release()
    expect(await agent.exited).toBe(0)
    expect(agent.output()).toContain(`connection ${first.connection_id} ended on the server`)
    expect(agent.output()).toContain(
      `re-registered: agent ${second.agent_id} (${name}), connection ${second.connection_id}`,
    )
    const statuses = (await connectionsOf(name)).map((c) => [c.connection_id, c.status])
    expect(statuses).toHaveLength(2)
    expect(statuses).toEqual(
      expect.arrayContaining([
        [first.connection_id, 'disconnected'],
        [second.connection_id, 'disconnected'],
      ]),
    )
    expect(agent.output()).not.toContain(key)
  })

  it('gives way, without a tug of war, to a newer mc-agent with the same name and tool', async () => {
    const name = agentName()
    const args = ['--url', url, '--name', name, '--tool', 'codex', '--interval', '1']
    const olderWork = await heldCommand(0)
    const newerWork = await heldCommand(0)
    const older = mcAgent(args, olderWork.command, { MC_API_KEY: key })
    const first = await connected(name)
    const newer = mcAgent(args, newerWork.command, { MC_API_KEY: key })
    await eventually(() => expect(older.output()).toContain('was replaced'))
    expect(older.output()).toBe(
      `mc-agent: connection ${first.connection_id} was replaced by a newer one of the same agent and tool: another mc-agent with the same --name and --tool? Monitoring stops; the command keeps running\n`,
    )
    const second = await connected(name)
    await heartbeatAdvances(name, second)
    await Promise.all([olderWork.release(), newerWork.release()])
    expect(await older.exited).toBe(0)
    expect(await newer.exited).toBe(0)
    expect(newer.output()).toBe('')
    const connections = await connectionsOf(name)
    expect(connections.map((c) => [c.connection_id, c.status, c.disconnect_reason])).toEqual([
      [second.connection_id, 'disconnected', 'disconnected'],
      [first.connection_id, 'disconnected', 'replaced'],
    ])
  })

  it('reports a refused key once, lets the command run to its end, and exits 78', async () => {
    const wrongKey = `mc_${randomBytes(16).toString('hex')}`
    const work = await heldCommand(0, 'work done')
    const agent = mcAgent(
      ['--url', url, '--api-key', wrongKey, '--name', agentName(), '--tool', 'codex'],
      work.command,
    )
    await eventually(() => expect(agent.output()).toContain('monitoring stopped'))
    await work.release()
    expect(await agent.exited).toBe(78)
    const lines = agent.output().trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(
      /^mc-agent: monitoring stopped: POST \/api\/connect: HTTP 401: .*check --api-key.*; the command keeps running$/,
    )
    expect(lines[1]).toBe('work done')
    expect(lines[2]).toBe(
      'mc-agent: exit status 78: the command succeeded, but Mission Control refused this agent',
    )
    expect(agent.output()).not.toContain(wrongKey)
  })

  it('reports a refused key for a command that ends at once too; a failed command keeps its own status', async () => {
    const wrongKey = `mc_${randomBytes(16).toString('hex')}`
    const args = ['--url', url, '--api-key', wrongKey, '--name', agentName(), '--tool', 'codex']
    const quick = mcAgent(args, ['true'])
    const failing = mcAgent(args, nodeCommand('process.exit(3)'))
    // The refusal is reported in the words of the moment it arrives: before or after the command ended.
    const refusal = String.raw`mc-agent: (monitoring stopped|Mission Control refused this agent): POST /api/connect: HTTP 401: [^\n]*\(check --api-key / MC_API_KEY\)[^\n]*\n`
    expect(await quick.exited).toBe(78)
    expect(quick.output()).toMatch(
      new RegExp(
        `^${refusal}mc-agent: exit status 78: the command succeeded, but Mission Control refused this agent\n$`,
      ),
    )
    expect(await failing.exited).toBe(3)
    expect(failing.output()).toMatch(new RegExp(`^${refusal}$`))
    expect(quick.output() + failing.output()).not.toContain(wrongKey)
  })

  it('says a quick run is not recorded when Mission Control is down, and exits with the command', async () => {
    const port = await closedPort()
    const agent = mcAgent(
      ['--url', `http://127.0.0.1:${port}`, '--name', agentName(), '--tool', 'codex'],
      ['true'],
      {
        MC_API_KEY: key,
      },
    )
    expect(await agent.exited).toBe(0)
    // Whether the refused connection or the command's end comes first, the last word is the same.
    expect(agent.output()).toMatch(
      /(^|\n)mc-agent: this run is not recorded: could not register with Mission Control \(POST \/api\/connect: ECONNREFUSED\)\n$/,
    )
  })

  it('runs the command anyway when Mission Control is down, and exits with its code', async () => {
    const port = await closedPort()
    const work = await heldCommand(5)
    const agent = mcAgent(
      ['--url', `http://127.0.0.1:${port}`, '--name', agentName(), '--tool', 'codex'],
      work.command,
      { MC_API_KEY: key },
    )
    await eventually(() => expect(agent.output()).toContain('cannot register'))
    await work.release()
    expect(await agent.exited).toBe(5)
    expect(agent.output()).toMatch(
      /^mc-agent: cannot register with Mission Control yet \(.*\); the command runs anyway.*\nmc-agent: this run is not recorded: could not register with Mission Control \(.*ECONNREFUSED\)\n$/,
    )
    expect(agent.output()).not.toContain(key)
  })

  it('exits 2 with a usage error, and 127 for a command that does not exist', async () => {
    const usage = mcAgent(['--url', url, '--api-key', key, '--name', 'x'], ['true'])
    expect(await usage.exited).toBe(2)
    expect(usage.output()).toBe('mc-agent: --tool is required\nRun mc-agent --help for usage.\n')

    const missing = mcAgent(
      ['--url', url, '--name', agentName(), '--tool', 't'],
      ['no-such-program-mc-agent'],
      {
        MC_API_KEY: key,
      },
    )
    expect(await missing.exited).toBe(127)
    expect(missing.output()).toContain('mc-agent: cannot run no-such-program-mc-agent: ENOENT')
    expect(missing.output()).not.toContain(key)
  })
})
