import { describe, expect, it } from 'vitest'
import { badgeMarkdown, statusPageUrl } from './badge-markdown.ts'

describe('badgeMarkdown', () => {
  it('links the status and 7-day uptime badges of a gateway to its page, with absolute URLs', () => {
    expect(badgeMarkdown('https://mc.example.com', 'prod-eu', { id: 7, name: 'Production' })).toBe(
      '[![Production status](https://mc.example.com/badge/prod-eu/7/status.svg)](https://mc.example.com/status/prod-eu) ' +
        '[![Production uptime 7d](https://mc.example.com/badge/prod-eu/7/uptime.svg?period=7d)](https://mc.example.com/status/prod-eu)',
    )
  })

  it('escapes what would end the alt text early', () => {
    expect(badgeMarkdown('http://localhost:3000', 'p', { id: 1, name: 'eu [old]\\1' })).toContain(
      '[![eu \\[old\\]\\\\1 status]',
    )
  })

  it('says where the page lives', () => {
    expect(statusPageUrl('http://localhost:3000', 'prod')).toBe('http://localhost:3000/status/prod')
  })
})
