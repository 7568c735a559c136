import { lexer, type Token, type Tokens } from 'marked'
import { parse } from 'yaml'

const VARIABLE = /^[A-Z][A-Z0-9_]*$/

/** Documented variable → the processes its "used by" cell names (`api`, `worker`, `start`, …). */
export type VariableTable = Map<string, Set<string>>

const cellText = (cell: Tokens.TableCell) => cell.text.replace(/`/g, '')

/**
 * The variables table under the heading `heading` of a Markdown file: names from the backticked
 * `NAME`s of each row's first cell, processes from its "used by" column.
 */
export function variableTable(markdown: string, heading: string): VariableTable {
  const tokens = lexer(markdown)
  const start = tokens.findIndex((token) => token.type === 'heading' && token.text === heading)
  if (start < 0) throw new Error(`no heading "${heading}"`)
  const table = tokens.slice(start + 1).find((token: Token): token is Tokens.Table => token.type === 'table')
  if (!table) throw new Error(`no table under "${heading}"`)
  const usedBy = table.header.findIndex((cell) => cellText(cell).trim() === 'used by')
  if (usedBy < 0) throw new Error(`the table under "${heading}" has no "used by" column`)
  const variables: VariableTable = new Map()
  for (const row of table.rows) {
    const names = (row[0]?.tokens ?? []).flatMap((token) =>
      token.type === 'codespan' && VARIABLE.test(token.text) ? [token.text] : [],
    )
    const processes = new Set(
      cellText(row[usedBy] ?? ({ text: '' } as Tokens.TableCell))
        .split(/[,/]/)
        .map((word) => word.trim())
        .filter(Boolean),
    )
    for (const name of names) variables.set(name, processes)
  }
  return variables
}

/** `NAME=` lines of an .env file, commented out (`# NAME=…`) or not. */
export function envFileVariables(text: string): Set<string> {
  return new Set([...text.matchAll(/^#?[ \t]*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1] as string))
}

export interface ComposeVariables {
  /** Each service's `environment:` names (after `<<:` merges). */
  environment: Map<string, Set<string>>
  /** Every `${NAME}` that compose reads from .env or the shell while loading the file. */
  interpolated: Set<string>
}

export function composeVariables(text: string): ComposeVariables {
  const compose = parse(text, { merge: true }) as {
    services: Record<string, { environment?: Record<string, unknown> | string[] }>
  }
  const environment = new Map<string, Set<string>>()
  for (const [name, service] of Object.entries(compose.services)) {
    const env = service.environment ?? {}
    const names = Array.isArray(env) ? env.map((entry) => entry.split('=')[0] ?? '') : Object.keys(env)
    environment.set(name, new Set(names))
  }
  // `$${NAME}` is an escaped dollar for the container's shell, not an interpolation.
  const interpolated = new Set(
    [...text.matchAll(/(?<!\$)\$\{([A-Z][A-Z0-9_]*)/g)].map((match) => match[1] as string),
  )
  return { environment, interpolated }
}
