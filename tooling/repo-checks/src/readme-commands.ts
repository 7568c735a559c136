import { lexer, type Token, walkTokens } from 'marked'

/** A command a Markdown file shows a reader. */
export interface ShownCommand {
  /** The command without a trailing `# comment`: what the coverage table is keyed by. */
  command: string
  /** The line exactly as shown (comment included), which is what gets run. */
  line: string
  /** The heading it appears under ('' before the first). */
  section: string
  /** In a shell code block, or an inline `code` span of the prose. */
  shownIn: 'code block' | 'inline'
}

const SHELL_BLOCKS = new Set(['sh', 'bash', 'shell', 'console', ''])

/**
 * Programs whose inline code spans are commands: `npm run build` is one, while `redis-server` alone
 * (a program's name) or `MC_NEW_PASSWORD=…` (a setting) is not.
 */
const PROGRAMS = new Set(['npm', 'npx', 'node', 'curl', 'docker', 'apt-get', 'openssl', 'git', 'psql'])

/** `NAME=value` words in front of a command. */
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=\S*$/

/** The command text in front of a shell comment (a `#` at the start of a word, outside quotes). */
export function withoutComment(line: string): string {
  let quote: string | undefined
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (quote) {
      if (char === quote) quote = undefined
    } else if (char === '"' || char === "'") {
      quote = char
    } else if (char === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) {
      return line.slice(0, i).trim()
    }
  }
  return line.trim()
}

function isInlineCommand(text: string): boolean {
  const words = text.trim().split(/\s+/)
  const first = words.findIndex((word) => !ASSIGNMENT.test(word))
  return first >= 0 && PROGRAMS.has(words[first] ?? '') && words.length > first + 1
}

/** A code block's commands: one per line, `\`-continued lines joined, comment-only lines skipped. */
function blockLines(code: string): string[] {
  return code
    .replace(/[ \t]*\\\n\s*/g, ' ')
    .split('\n')
    .filter((line) => withoutComment(line) !== '')
}

/**
 * Every command a Markdown file shows, in order: each line of a shell code block, and each inline
 * code span that starts with a program a reader runs (after any `NAME=value` settings).
 */
export function shownCommands(markdown: string): ShownCommand[] {
  const commands: ShownCommand[] = []
  let section = ''
  for (const token of lexer(markdown)) {
    if (token.type === 'heading') {
      section = token.text
      continue
    }
    walkTokens([token], (inner: Token) => {
      if (inner.type === 'code' && SHELL_BLOCKS.has(inner.lang ?? '')) {
        for (const line of blockLines(inner.text)) {
          commands.push({ command: withoutComment(line), line, section, shownIn: 'code block' })
        }
      } else if (inner.type === 'codespan' && isInlineCommand(inner.text)) {
        commands.push({ command: inner.text.trim(), line: inner.text.trim(), section, shownIn: 'inline' })
      }
    })
  }
  return commands
}
