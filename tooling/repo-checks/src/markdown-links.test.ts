import { describe, expect, it } from 'vitest'
import { headingAnchors, linkProblems } from './markdown-links.ts'
import { type RepoFiles, repoFiles } from './repo-files.ts'

function fakeRepo(files: Record<string, string>): RepoFiles {
  return {
    files: new Set(Object.keys(files)),
    read: (file) => files[file] ?? '',
  }
}

const CLIMBS = 'climbs with ..: link from the repository root (/README.md) or down from this folder'

describe('linkProblems', () => {
  it('flags links outside the repository, to missing files and to missing headings', () => {
    const repo = fakeRepo({
      'README.md': [
        '# Title',
        '[design](../shared/DESIGN.md) [seed](../shared/seeds/004.txt) [gone](docs/missing.md)',
        '[ok](docs/guide.md) [ok too](docs/guide.md#rotating-mc_secret_key) [bad anchor](docs/guide.md#nope)',
        '[folder](packages/agent-cli) [here](#title) [not here](#other) [web](https://example.com)',
        '[file url](file:///etc/passwd) [absolute](/docs/guide.md) [anchor on code](src/a.ts#L3)',
        '',
        '```md',
        '[inside a code block](../ignored.md)',
        '```',
        '`[inside code](../ignored.md)`',
      ].join('\n'),
      'docs/guide.md': [
        '# Guide',
        '## Rotating `MC_SECRET_KEY`',
        'Back to the [readme](/README.md#title), not [up](../README.md#title).',
      ].join('\n\n'),
      'packages/agent-cli/README.md': '# agent',
      'src/a.ts': '',
    })
    expect(linkProblems('README.md', repo)).toEqual([
      `README.md: (../shared/DESIGN.md) ${CLIMBS}`,
      `README.md: (../shared/seeds/004.txt) ${CLIMBS}`,
      'README.md: (docs/missing.md) is not a file or folder of the repository',
      'README.md: (docs/guide.md#nope) has no heading #nope',
      'README.md: (#other) has no heading #other',
      'README.md: (file:///etc/passwd) only https and mailto links may leave the repository',
      'README.md: (src/a.ts#L3) has a #fragment but is not a Markdown file',
    ])
    expect(linkProblems('docs/guide.md', repo)).toEqual([`docs/guide.md: (../README.md#title) ${CLIMBS}`])
  })

  it('slugs headings as GitHub does, numbering repeats', () => {
    expect([...headingAnchors('# A b\n## `GET /api/health`\n## A b\n### Which address counts?')]).toEqual([
      'a-b',
      'get-apihealth',
      'a-b-1',
      'which-address-counts',
    ])
  })
})

describe('the Markdown files of this repository', () => {
  it('link only inside the repository, to files and headings that exist', () => {
    const repo = repoFiles()
    const markdown = [...repo.files].filter((file) => file.endsWith('.md'))
    expect(markdown).toContain('README.md')
    expect(markdown.flatMap((file) => linkProblems(file, repo))).toEqual([])
  })
})
