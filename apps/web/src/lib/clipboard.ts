/**
 * Copies `text` to the clipboard; where the browser refuses (no permission, insecure origin), selects
 * the text of `element` instead so the person can copy it themselves.
 */
export async function copyText(text: string, element: HTMLElement): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(text)
    return 'copied'
  } catch {
    const selection = window.getSelection()
    selection?.removeAllRanges()
    selection?.selectAllChildren(element)
    return 'selected'
  }
}
