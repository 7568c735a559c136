import path from 'node:path'
import GithubSlugger from 'github-slugger'
import { lexer, type Token, walkTokens } from 'marked'
import type { RepoFiles } from './repo-files.ts'

/** The text a heading shows (code spans without backticks, links as their text). */
function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((token) =>
      'tokens' in token && token.tokens ? plainText(token.tokens) : 'text' in token ? token.text : '',
    )
    .join('')
}

/** The `#fragment`s GitHub gives a Markdown file's headings. */
export function headingAnchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger()
  const anchors = new Set<string>()
  walkTokens(lexer(markdown), (token) => {
    if (token.type === 'heading') anchors.add(slugger.slug(plainText(token.tokens ?? [])))
  })
  return anchors
}

/** Every link and image target in a Markdown file, outside code. */
export function linkTargets(markdown: string): string[] {
  const targets: string[] = []
  walkTokens(lexer(markdown), (token) => {
    if (token.type === 'link' || token.type === 'image') targets.push(token.href)
  })
  return targets
}

const WEB = /^(https?|mailto):/i
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i

/**
 * What is wrong with the links of `file` (a Markdown file of the repository), one line each: a link
 * must stay inside the repository, reach a file or folder a clone has, and name a heading that
 * exists when it has a `#fragment`. Web links (https, mailto) are left alone. A link never climbs
 * with `..` (out of a clone it leads nowhere, and inside one it reads as if it did): it goes down
 * from the file's folder, or from the repository root with a leading `/` (as GitHub resolves it).
 */
export function linkProblems(file: string, repo: RepoFiles): string[] {
  const folders = new Set([...repo.files].flatMap((f) => ancestors(f)))
  const problems: string[] = []
  for (const target of linkTargets(repo.read(file))) {
    if (WEB.test(target)) continue
    const problem = ANY_SCHEME.test(target)
      ? 'only https and mailto links may leave the repository'
      : localProblem(file, target, repo, folders)
    if (problem) problems.push(`${file}: (${target}) ${problem}`)
  }
  return problems
}

function localProblem(
  file: string,
  target: string,
  repo: RepoFiles,
  folders: ReadonlySet<string>,
): string | undefined {
  const [rawPath = '', fragment] = target.split('#', 2)
  const linkPath = decodeURI(rawPath)
  if (linkPath.split('/').includes('..')) {
    return 'climbs with ..: link from the repository root (/README.md) or down from this folder'
  }
  const linked =
    linkPath === ''
      ? file
      : linkPath.startsWith('/')
        ? path.posix.normalize(linkPath.slice(1))
        : path.posix.normalize(path.posix.join(path.posix.dirname(file), linkPath))
  const cleaned = linked.replace(/\/$/, '')
  if (!repo.files.has(cleaned) && !folders.has(cleaned)) return 'is not a file or folder of the repository'
  if (fragment === undefined) return undefined
  if (!cleaned.endsWith('.md')) return 'has a #fragment but is not a Markdown file'
  if (!headingAnchors(repo.read(cleaned)).has(fragment)) return `has no heading #${fragment}`
  return undefined
}

function ancestors(file: string): string[] {
  const parts = file.split('/').slice(0, -1)
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'))
}
