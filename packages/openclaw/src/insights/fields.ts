// Lenient readers for fields of gateway payloads: a missing or wrong-typed field becomes null.

// Ids and keys longer than this are not ids: ignored rather than cut, so that two never merge.
const MAX_ID_LENGTH = 512

export function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH ? value : null
}

export function nonNegative(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null
}
