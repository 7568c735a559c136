/** `items` with the one at `index` moved `offset` places (-1: up); unchanged when it would leave the list. */
export function moveItem<T>(items: readonly T[], index: number, offset: number): T[] {
  const target = index + offset
  const moved = [...items]
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return moved
  const [item] = moved.splice(index, 1) as [T]
  moved.splice(target, 0, item)
  return moved
}
