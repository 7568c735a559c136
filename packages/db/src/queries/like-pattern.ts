/** A `like`/`ilike` pattern for `text` anywhere in a value: its own `%`, `_` and `\` match only themselves. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`
