import { describe, expect, it } from 'vitest'
import { TokenQueue } from './token-queue.ts'

describe('TokenQueue', () => {
  it('sums reports per model and hands out one model at a time', () => {
    const queue = new TokenQueue()
    expect(queue.peek()).toBeUndefined()
    queue.add({ input: 100, output: 10, model: 'a' })
    queue.add({ input: 50, output: 5, model: 'b' })
    queue.add({ input: 1, output: 1, model: 'a' })
    expect(queue.size).toBe(2)
    expect(queue.peek()).toEqual({ input: 101, output: 11, model: 'a' })
    queue.acknowledge({ input: 101, output: 11, model: 'a' })
    expect(queue.peek()).toEqual({ input: 50, output: 5, model: 'b' })
  })

  it('keeps what was reported while a heartbeat was in flight', () => {
    const queue = new TokenQueue()
    queue.add({ input: 10, output: 1, model: 'a' })
    const sent = queue.peek()
    queue.add({ input: 5, output: 2, model: 'a' })
    if (sent) queue.acknowledge(sent)
    expect(queue.peek()).toEqual({ input: 5, output: 2, model: 'a' })
  })

  it('ignores empty reports and refuses ones the API would reject', () => {
    const queue = new TokenQueue()
    queue.add({ input: 0, output: 0, model: 'a' })
    expect(queue.size).toBe(0)
    expect(() => queue.add({ input: -1, output: 0, model: 'a' })).toThrow(TypeError)
    expect(() => queue.add({ input: 1.5, output: 0, model: 'a' })).toThrow(/whole number/)
    expect(() => queue.add({ input: 1, output: 0, model: '' })).toThrow(TypeError)
  })

  it('starts a new entry rather than overflow a count', () => {
    const queue = new TokenQueue()
    const max = 2 ** 31 - 1
    queue.add({ input: max, output: 0, model: 'a' })
    queue.add({ input: 1, output: 0, model: 'a' })
    expect(queue.size).toBe(2)
  })
})
