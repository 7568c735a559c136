/** What a long picker shows for a search: the options it lists, and how many match in all. */
export interface ShownOptions<Option> {
  shown: Option[]
  matches: number
}

/**
 * The options a checkbox picker lists for `query`: those whose label contains it in any case, in
 * their own order, the first `limit` of them, plus every chosen one that matches wherever it is, so
 * that a choice never vanishes from under the pointer. With 10,000 gateways, listing them all put
 * 10,000 checkboxes in a dialog: seconds to open, and nothing to find one by.
 */
export function pickerOptions<Option extends { id: number; label: string }>(
  options: readonly Option[],
  selected: ReadonlySet<number>,
  query: string,
  limit: number,
): ShownOptions<Option> {
  const needle = query.trim().toLowerCase()
  const shown: Option[] = []
  let matches = 0
  for (const option of options) {
    if (needle !== '' && !option.label.toLowerCase().includes(needle)) continue
    matches++
    if (matches <= limit || selected.has(option.id)) shown.push(option)
  }
  return { shown, matches }
}
