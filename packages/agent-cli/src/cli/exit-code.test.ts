import { describe, expect, it } from 'vitest'
import { agentExitCode, exitCodeOf, REFUSED_EXIT_CODE, spawnFailureExitCode } from './exit-code.ts'

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

describe('agentExitCode', () => {
  it("is the command's status, or 78 when Mission Control refused the agent and the command succeeded", () => {
    expect(agentExitCode(0, false)).toBe(0)
    expect(agentExitCode(3, false)).toBe(3)
    expect(agentExitCode(0, true)).toBe(REFUSED_EXIT_CODE)
    expect(REFUSED_EXIT_CODE).toBe(78)
    expect(agentExitCode(3, true)).toBe(3)
    expect(agentExitCode(130, true)).toBe(130)
  })
})
