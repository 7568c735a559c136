import type { FieldIssue } from '@mc/shared'

/**
 * JSON nested deeper than this is refused. No request needs a tenth of it, and deeper values reach
 * recursive code (zod, JSON.stringify, Postgres' jsonb parser) that a few thousand levels overflow.
 */
export const MAX_JSON_DEPTH = 64

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
/** Any surrogate: almost no text has one, and this plain class is far cheaper to look for. */
const SURROGATE = /[\uD800-\uDFFF]/

/** Why Postgres cannot store this text (NUL in text/jsonb; a lone surrogate is not Unicode), if it cannot. */
function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000), which cannot be stored'
  if (SURROGATE.test(text) && LONE_SURROGATE.test(text)) {
    return 'contains a lone UTF-16 surrogate, which is not valid Unicode'
  }
  return undefined
}

/** A value still to look at, with the field it sits in; its path is put together only when reported. */
interface Pending {
  value: unknown
  key: string
  parent: Pending | undefined
  depth: number
}

function pathOf(item: Pending): string[] {
  const keys: string[] = []
  for (let at: Pending | undefined = item; at?.parent; at = at.parent) keys.push(at.key)
  return keys.reverse()
}

/**
 * The first string or field name in a parsed JSON value that could not be stored, or the first
 * value nested too deep, as a field issue. Walks with its own stack, so depth cannot overflow it.
 */
export function findUnstorable(root: unknown): FieldIssue | undefined {
  const pending: Pending[] = [{ value: root, key: '', parent: undefined, depth: 0 }]
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value } = item
    if (typeof value === 'string') {
      const problem = textProblem(value)
      if (problem) return { path: pathOf(item).join('.'), message: problem }
      continue
    }
    if (typeof value !== 'object' || value === null) continue
    if (item.depth >= MAX_JSON_DEPTH) {
      return { path: pathOf(item)[0] ?? '', message: `nested more than ${MAX_JSON_DEPTH} levels deep` }
    }
    for (const key of Object.keys(value)) {
      const problem = textProblem(key)
      if (problem) return { path: pathOf(item).join('.'), message: `a field name ${problem}` }
      pending.push({
        value: (value as Record<string, unknown>)[key],
        key,
        parent: item,
        depth: item.depth + 1,
      })
    }
  }
  return undefined
}
