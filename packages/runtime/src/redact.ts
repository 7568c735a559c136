/** The URL with any password replaced, safe to print or log. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value)
    if (url.password) url.password = '***'
    return url.toString()
  } catch {
    return '<unparseable url>'
  }
}
