import { describe, expect, it } from 'vitest'
import { fitLines, messageTitle, noticeLine } from './notice-text.ts'
import { messageOf, noticeOf } from './test-messages.ts'

describe('notice text', () => {
  it('says how long a resolved incident lasted', () => {
    const openedAt = new Date('2026-05-01T10:00:00Z')
    const resolvedAt = new Date('2026-05-01T11:12:00Z')
    expect(noticeLine(noticeOf('gw-a', { event: 'incident.resolved', openedAt, resolvedAt }))).toBe(
      '✅ gw-a: Gateway down resolved after 1 h 12 min',
    )
  })

  it('counts the events of a mixed batch in the title', () => {
    const message = messageOf([
      noticeOf('gw-a'),
      noticeOf('gw-b', { event: 'incident.resolved', resolvedAt: new Date() }),
    ])
    expect(messageTitle(message)).toBe('2 incidents (1 opened, 1 resolved): gw-a, gw-b')
  })

  it('titles a test message', () => {
    expect(messageTitle(messageOf([], { event: 'test' }))).toBe('Test message')
  })

  it('fits lines into a limit and says how many were left out', () => {
    expect(fitLines(['aaaa', 'bbbb'], 9)).toBe('aaaa\nbbbb')
    expect(fitLines(['aaaa', 'bbbb', 'cccc', 'dddd'], 18)).toBe('aaaa\n…and 3 more')
  })
})
