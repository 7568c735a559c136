import { isRecord } from '../protocol/is-record.ts'

/** RFC 7396: objects merge key by key, `null` deletes, anything else replaces. Returns a new value. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return structuredClone(patch)
  const merged: Record<string, unknown> = isRecord(target) ? structuredClone(target) : {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key]
    else merged[key] = mergePatch(merged[key], value)
  }
  return merged
}

/** The dotted paths of the leaves that differ between `before` and `after` (`gateway.auth.token`). */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  if (!isRecord(before) || !isRecord(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [prefix]
  }
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...keys].flatMap((key) => changedPaths(before[key], after[key], prefix ? `${prefix}.${key}` : key))
}
