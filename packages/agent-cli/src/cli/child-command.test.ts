import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { eventually } from '@mc/testing'
import { describe, expect, it } from 'vitest'
import { runChildCommand } from './child-command.ts'

const node = (script: string) => [process.execPath, '-e', script]

/** A node child that runs `setup`, then touches a file so the test knows it is ready for signals. */
async function readyChild(setup: string) {
  const marker = path.join(tmpdir(), `mc-agent-ready-${process.pid}-${Math.random().toString(36).slice(2)}`)
  const child = runChildCommand(
    node(
      `${setup}; require("node:fs").writeFileSync(process.argv[1], ""); setInterval(() => {}, 1000)`,
    ).concat(marker),
  )
  await eventually(() => expect(existsSync(marker)).toBe(true))
  return child
}

describe('runChildCommand', () => {
  it("passes the command's exit code through, arguments untouched (no shell)", async () => {
    const child = runChildCommand(
      node('process.exit(process.argv[1] === "$HOME *" ? 3 : 9)').concat('$HOME *'),
    )
    expect(await child.done).toEqual({ exitCode: 3 })
  })

  it('forwards a signal; a child killed by it gives 128 + its number', async () => {
    const child = await readyChild('')
    child.signal('SIGTERM')
    expect(await child.done).toEqual({ exitCode: 143 })
    child.signal('SIGTERM') // after the end: ignored
  })

  it('lets a child that handles the signal decide its own exit code', async () => {
    const child = await readyChild('process.on("SIGINT", () => process.exit(42))')
    child.signal('SIGINT')
    expect(await child.done).toEqual({ exitCode: 42 })
  })

  it('reports a program that is not there as 127, like a shell', async () => {
    const child = runChildCommand(['mc-agent-no-such-program-xyz', '--flag'])
    expect(await child.done).toEqual({
      exitCode: 127,
      startError: 'cannot run mc-agent-no-such-program-xyz: ENOENT',
    })
  })
})
