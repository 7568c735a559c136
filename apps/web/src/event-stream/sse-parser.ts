/** One server-sent event: its name (`message` when unnamed), its data, and the stream's id after it. */
export interface SseMessage {
  type: string
  data: string
  lastEventId: string
}

/**
 * Reads `text/event-stream` text as it arrives, as the HTML standard parses it: `event`, `data`
 * (lines joined by `\n`), `id` and `retry` fields, comments, a blank line ending each event, an
 * event without data dispatching nothing. Lines end at LF (a CR before it is dropped); the API's
 * streams use LF only.
 */
export function createSseParser(lastEventId = '') {
  let buffer = ''
  let type = ''
  let data: string[] = []
  let id = lastEventId
  let retryMs: number | null = null

  /** The events that `text` completes, in order; an event cut off at its end waits for the next text. */
  function push(text: string): SseMessage[] {
    buffer += text
    const messages: SseMessage[] = []
    let start = 0
    for (let end = buffer.indexOf('\n'); end !== -1; end = buffer.indexOf('\n', start)) {
      const line = buffer.charCodeAt(end - 1) === 13 ? buffer.slice(start, end - 1) : buffer.slice(start, end)
      start = end + 1
      if (line === '') {
        if (data.length > 0)
          messages.push({ type: type || 'message', data: data.join('\n'), lastEventId: id })
        type = ''
        data = []
        continue
      }
      if (line.charCodeAt(0) === 58) continue // ':' starts a comment (the keep-alive)
      const colon = line.indexOf(':')
      const field = colon === -1 ? line : line.slice(0, colon)
      const value = colon === -1 ? '' : line.slice(line.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1)
      if (field === 'event') type = value
      else if (field === 'data') data.push(value)
      else if (field === 'id' && !value.includes('\0')) id = value
      else if (field === 'retry' && /^\d+$/.test(value)) retryMs = Number(value)
    }
    buffer = buffer.slice(start)
    return messages
  }

  return {
    push,
    /** How long the server asked to wait before reconnecting (`retry`), null until it said. */
    retryMs: () => retryMs,
  }
}
