import { describe, expect, it } from 'vitest'
import { createSseParser } from './sse-parser.ts'

describe('createSseParser', () => {
  it('reads named events with their ids, as the API frames them', () => {
    const parser = createSseParser()
    const text =
      'retry: 3000\n\nid: 1-0\nevent: gateway.status\ndata: {"a":1}\n\nid: 2-0\nevent: ready\ndata: {}\n\n'
    expect(parser.push(text)).toEqual([
      { type: 'gateway.status', data: '{"a":1}', lastEventId: '1-0' },
      { type: 'ready', data: '{}', lastEventId: '2-0' },
    ])
    expect(parser.retryMs()).toBe(3000)
  })

  it('keeps an event cut off between chunks until its end arrives, wherever the cut falls', () => {
    const text = 'id: 7-0\nevent: a\ndata: {"x":"y"}\n\nevent: b\r\ndata: 1\r\ndata: 2\r\n\r\n'
    const whole = createSseParser().push(text)
    for (let cut = 1; cut < text.length; cut += 1) {
      const parser = createSseParser()
      expect([...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))], `cut at ${cut}`).toEqual(
        whole,
      )
    }
    expect(whole).toEqual([
      { type: 'a', data: '{"x":"y"}', lastEventId: '7-0' },
      { type: 'b', data: '1\n2', lastEventId: '7-0' },
    ])
  })

  it('skips comments and events without data, names unnamed events `message`, ignores a bad retry', () => {
    const parser = createSseParser('5-0')
    expect(parser.push(': keep-alive\n\nevent: nothing\n\ndata\n\ndata:x\nretry: soon\n\n')).toEqual([
      { type: 'message', data: '', lastEventId: '5-0' },
      { type: 'message', data: 'x', lastEventId: '5-0' },
    ])
    expect(parser.retryMs()).toBeNull()
  })
})
