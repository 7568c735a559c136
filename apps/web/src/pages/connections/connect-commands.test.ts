import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { connectCommands } from './connect-commands.ts'

const readme = readFileSync(new URL('../../../../../README.md', import.meta.url), 'utf8')

describe('the commands the Connections page shows', () => {
  // The README's commands are run as written by the repo checks; the page must show the same ones.
  it('runs mc-agent the way the README does', () => {
    const shown = connectCommands('http://localhost:3000').mcAgent
    const [environment, command] = shown.split(/ (?=npx )/)
    expect(environment).toBe('MC_API_KEY=YOUR_API_KEY')
    expect(readme).toContain(`\n${command}\n`)
    expect(readme).toMatch(/\nexport MC_API_KEY=/)
  })

  it('uses the origin it is given', () => {
    const commands = connectCommands('https://mc.example.org')
    expect(commands.mcAgent).toContain('--url https://mc.example.org ')
    expect(commands.curl).toContain('"https://mc.example.org/api/connect"')
  })
})
