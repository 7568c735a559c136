import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { terminateGroup } from './child.ts'

/** Running, not gone nor a zombie waiting to be reaped. */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

const started: number[] = []
afterEach(() => {
  for (const pid of started.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL')
})

/** `sh -c` that starts a program it does not replace itself with: `npm run` → `sh -c` → vite. */
async function shellWithGrandchild(trap: string) {
  const child = spawn('sh', ['-c', `${trap} sleep 600 & echo $!; wait`], { detached: true })
  const [line] = (await once(child.stdout, 'data')) as [Buffer]
  const grandchild = Number(String(line).trim())
  started.push(grandchild)
  return { child, grandchild }
}

describe('terminateGroup', () => {
  it('ends the program a shell child started, which a signal to the child alone misses', async () => {
    const { child, grandchild } = await shellWithGrandchild('')
    await terminateGroup(child, 5000)
    expect(alive(grandchild)).toBe(false)
  })

  it('kills what ignores SIGTERM once the grace time is over', async () => {
    const { child, grandchild } = await shellWithGrandchild("trap '' TERM;")
    const before = Date.now()
    await terminateGroup(child, 300)
    expect(alive(grandchild)).toBe(false)
    expect(Date.now() - before).toBeGreaterThanOrEqual(300)
  })
})
