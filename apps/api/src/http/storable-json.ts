import type { FieldIssue } from '@mc/shared'

/**
 * JSON nested deeper than this is refused. No request needs a tenth of it, and deeper values reach
 * recursive code (zod, JSON.stringify, Postgres' jsonb parser) that a few thousand levels overflow.
 */
export const MAX_JSON_DEPTH = 64

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Why Postgres cannot store this text (NUL in text/jsonb; a lone surrogate is not Unicode), if it cannot. */
function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000), which cannot be stored'
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate, which is not valid Unicode'
  return undefined
}

/**
 * The first string or field name in a parsed JSON value that could not be stored, or the first
 * value nested too deep, as a field issue. Walks with its own stack, so depth cannot overflow it.
 */
export function findUnstorable(root: unknown): FieldIssue | undefined {
  const pending: { value: unknown; path: string[] }[] = [{ value: root, path: [] }]
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value, path } = item
    if (typeof value === 'string') {
      const problem = textProblem(value)
      if (problem) return { path: path.join('.'), message: problem }
      continue
    }
    if (typeof value !== 'object' || value === null) continue
    if (path.length >= MAX_JSON_DEPTH) {
      return { path: path[0] ?? '', message: `nested more than ${MAX_JSON_DEPTH} levels deep` }
    }
    for (const [key, child] of Object.entries(value)) {
      const problem = textProblem(key)
      if (problem) return { path: path.join('.'), message: `a field name ${problem}` }
      pending.push({ value: child, path: [...path, key] })
    }
  }
  return undefined
}
