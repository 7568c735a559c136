/** A text field of a submitted form, trimmed; undefined when empty or absent (an unset filter). */
export function formText(data: FormData, name: string): string | undefined {
  const value = data.get(name)
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}
