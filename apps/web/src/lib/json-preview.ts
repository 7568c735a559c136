/** One line of JSON, cut to `maxLength` characters with an ellipsis: a preview of a detail object. */
export function jsonPreview(value: unknown, maxLength = 60): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text
}
