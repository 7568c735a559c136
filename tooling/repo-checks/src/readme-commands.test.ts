import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { README_COMMANDS } from './readme-command-table.ts'
import { shownCommands, withoutComment } from './readme-commands.ts'
import { repoFiles } from './repo-files.ts'

describe('shownCommands', () => {
  it('takes every line of shell code blocks, and inline code that starts with a program', () => {
    const markdown = [
      '# Start',
      '```sh',
      'npm ci && npm start   # the product',
      '# a comment line',
      'docker compose run --rm \\',
      '  api node x.js',
      '```',
      '',
      '## Use',
      'Run `npm run build`, set `MC_NEW_PASSWORD=…`, have `redis-server` and try',
      '`curl -H "x-api-key: KEY" http://x/#y` or `FOO=1 npm test`.',
      '',
      '| a |',
      '|---|',
      '| `openssl rand -base64 32` |',
      '',
      '```json',
      '{ "npm": "run" }',
      '```',
    ].join('\n')
    expect(shownCommands(markdown)).toEqual([
      {
        command: 'npm ci && npm start',
        line: 'npm ci && npm start   # the product',
        section: 'Start',
        shownIn: 'code block',
      },
      {
        command: 'docker compose run --rm api node x.js',
        line: 'docker compose run --rm api node x.js',
        section: 'Start',
        shownIn: 'code block',
      },
      { command: 'npm run build', line: 'npm run build', section: 'Use', shownIn: 'inline' },
      {
        command: 'curl -H "x-api-key: KEY" http://x/#y',
        line: 'curl -H "x-api-key: KEY" http://x/#y',
        section: 'Use',
        shownIn: 'inline',
      },
      { command: 'FOO=1 npm test', line: 'FOO=1 npm test', section: 'Use', shownIn: 'inline' },
      {
        command: 'openssl rand -base64 32',
        line: 'openssl rand -base64 32',
        section: 'Use',
        shownIn: 'inline',
      },
    ])
  })

  it('cuts a comment only where the shell would', () => {
    expect(withoutComment('echo "a # b" \'#c\' x#y # note')).toBe('echo "a # b" \'#c\' x#y')
    expect(withoutComment('# only a comment')).toBe('')
  })
})

const repo = repoFiles()
const shown = shownCommands(repo.read('README.md'))
const table = Object.entries(README_COMMANDS)

/** The package.json scripts of the root (`''`) and of each workspace, by package name. */
function scriptsByPackage(): Map<string, Record<string, string>> {
  const scripts = new Map<string, Record<string, string>>()
  for (const file of repo.files) {
    if (file !== 'package.json' && !/^(apps|packages|tooling)\/[^/]+\/package\.json$/.test(file)) continue
    const manifest = JSON.parse(repo.read(file)) as { name: string; scripts?: Record<string, string> }
    scripts.set(path.dirname(file) === '.' ? '' : manifest.name, manifest.scripts ?? {})
  }
  return scripts
}

/** The `npm test`, `npm start` and `npm run X` in a command line: [workspace or '', script]. */
function npmScripts(command: string): Array<[string, string]> {
  return command.split(/&&|\|\||;/).flatMap((part): Array<[string, string]> => {
    const words = part
      .trim()
      .split(/\s+/)
      .filter((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word))
    if (words[0] !== 'npm') return []
    const script =
      words[1] === 'run' ? words[2] : ['test', 'start'].includes(words[1] ?? '') ? words[1] : undefined
    if (!script) return []
    const flag = words.findIndex((word) => word === '-w' || word === '--workspace')
    return [[flag >= 0 ? (words[flag + 1] ?? '') : '', script]]
  })
}

describe("README.md's commands", () => {
  it('are each in the table of what runs them (readme-command-table.ts)', () => {
    const unlisted = [...new Set(shown.map((entry) => entry.command))].filter(
      (command) => !(command in README_COMMANDS),
    )
    expect(unlisted, 'add each to readme-command-table.ts with what runs it').toEqual([])
  })

  it('are all the table lists (a row for a command the README no longer shows is stale)', () => {
    const commands = new Set(shown.map((entry) => entry.command))
    expect(table.map(([command]) => command).filter((command) => !commands.has(command))).toEqual([])
  })

  it('contain the placeholders the suite replaces', () => {
    for (const [command, coverage] of table) {
      if (coverage.kind !== 'run') continue
      for (const placeholder of Object.keys(coverage.placeholders ?? {})) {
        expect(command, `placeholder ${placeholder}`).toContain(placeholder)
      }
    }
  })

  it('run by CI appear in .ci/run as shown; parts appear in the command they are part of', () => {
    const ci = repo.read('.ci/run')
    for (const [command, coverage] of table) {
      if (coverage.kind === 'ci') expect(ci, command).toContain(command)
      if (coverage.kind === 'part of') {
        expect(README_COMMANDS[coverage.whole], coverage.whole).toBeDefined()
        expect(coverage.whole).toContain(command)
      }
    }
  })

  it('name npm scripts that exist, in the workspace they name', () => {
    const scripts = scriptsByPackage()
    const named = shown.flatMap((entry) => npmScripts(entry.command))
    expect(named.length).toBeGreaterThan(5)
    for (const [workspace, script] of named) {
      expect(
        scripts.get(workspace)?.[script],
        `npm script "${script}" of "${workspace || 'the root'}"`,
      ).toBeDefined()
    }
  })
})
