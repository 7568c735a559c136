import { describe, expect, it } from 'vitest'
import { exitCodeOf, spawnFailureExitCode } from './exit-code.ts'

describe('exitCodeOf', () => {
  it("passes the command's own code through", () => {
    expect(exitCodeOf(0, null)).toBe(0)
    expect(exitCodeOf(3, null)).toBe(3)
    expect(exitCodeOf(255, null)).toBe(255)
  })

  it('maps death by signal to 128 + its number, as shells do', () => {
    expect(exitCodeOf(null, 'SIGINT')).toBe(130)
    expect(exitCodeOf(null, 'SIGTERM')).toBe(143)
    expect(exitCodeOf(null, 'SIGKILL')).toBe(137)
    expect(exitCodeOf(null, 'SIGHUP')).toBe(129)
  })

  it('falls back to 1 when there is neither', () => {
    expect(exitCodeOf(null, null)).toBe(1)
  })
})

describe('spawnFailureExitCode', () => {
  it('is 127 for a missing program and 126 for one that cannot be executed', () => {
    expect(spawnFailureExitCode(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe(127)
    expect(spawnFailureExitCode(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe(126)
  })
})
