type Json = Record<string, unknown>

/** Ways to change one spot of a JSON body, in walk order: its strings, values and nested field names. */
function spotsOf(body: Json) {
  const strings: [Json | unknown[], string | number, string][] = []
  const values: [Json | unknown[], string | number][] = []
  const keys: [Json, string][] = []
  const visit = (node: Json | unknown[], depth: number) => {
    for (const [key, child] of Object.entries(node)) {
      const slot: string | number = Array.isArray(node) ? Number(key) : key
      values.push([node, slot])
      if (depth > 0 && !Array.isArray(node)) keys.push([node, key])
      if (typeof child === 'string') strings.push([node, slot, child])
      else if (child !== null && typeof child === 'object') visit(child as Json, depth + 1)
    }
  }
  visit(body, 0)
  return { strings, values, keys }
}

const set = (node: Json | unknown[], slot: string | number, value: unknown) => {
  ;(node as Record<string | number, unknown>)[slot] = value
}

/**
 * `body` with `text` put in front of one of its strings or nested field names (the `pick`-th),
 * or as a new field when it has none: everything else about the body stays as it was.
 */
export function withText(body: Json, pick: number, text: string): Json {
  const copy = structuredClone(body)
  const { strings, keys } = spotsOf(copy)
  const total = strings.length + keys.length
  if (total === 0) return { ...copy, [`${text}field`]: text }
  const index = pick % total
  const string = strings[index]
  if (string) {
    const [node, slot, value] = string
    set(node, slot, `${text}${value}`)
    return copy
  }
  const [node, key] = keys[index - strings.length] as [Json, string]
  node[`${text}${key}`] = node[key]
  delete node[key]
  return copy
}

const MARKER = '\u0001nest-here\u0001'

/** `body` as JSON with one of its values (the `pick`-th) replaced by arrays nested `depth` deep. */
export function withDepth(body: Json, pick: number, depth: number): string {
  const copy = structuredClone(body)
  const { values } = spotsOf(copy)
  const [node, slot] = values[pick % Math.max(values.length, 1)] ?? [copy, 'nested']
  set(node, slot, MARKER)
  // Built as text: JSON.stringify itself recurses once per level.
  return JSON.stringify(copy).replace(JSON.stringify(MARKER), `${'['.repeat(depth)}${']'.repeat(depth)}`)
}
