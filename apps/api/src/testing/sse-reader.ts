export interface SseFrame {
  id?: string
  event?: string
  data?: string
  retry?: number
  /** Comment lines (`: keep-alive`). */
  comments: string[]
}

/** Reads an SSE response frame by frame, as EventSource would parse it. */
export function readSse(res: Response) {
  const body = res.body
  if (!body) throw new Error('the response has no body')
  const reader = body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''

  function parse(block: string): SseFrame {
    const frame: SseFrame = { comments: [] }
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) frame.comments.push(line.slice(1).trim())
      const colon = line.indexOf(': ')
      if (colon < 0) continue
      const [field, value] = [line.slice(0, colon), line.slice(colon + 2)]
      if (field === 'id') frame.id = value
      if (field === 'event') frame.event = value
      if (field === 'data') frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`
      if (field === 'retry') frame.retry = Number(value)
    }
    return frame
  }

  return {
    async next(): Promise<SseFrame> {
      for (;;) {
        const end = buffer.indexOf('\n\n')
        if (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          return parse(block)
        }
        const { value, done } = await reader.read()
        if (done) throw new Error('the stream ended')
        buffer += value
      }
    },
    /** The next frame that is an event (skips retry and keep-alive frames), optionally of one type. */
    async nextEvent(type?: string): Promise<SseFrame> {
      for (;;) {
        const frame = await this.next()
        if (frame.event !== undefined && (type === undefined || frame.event === type)) return frame
      }
    },
    /** Resolves when the server ends the stream. */
    async ended(): Promise<void> {
      for (;;) {
        const { done } = await reader.read()
        if (done) return
      }
    },
    close: () => reader.cancel(),
  }
}
