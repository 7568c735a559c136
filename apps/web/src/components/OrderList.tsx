import { moveItem } from '../lib/move-item.ts'
import { Button } from './Button.tsx'
import type { CheckboxOption } from './CheckboxList.tsx'

interface OrderListProps {
  label: string
  /** The chosen items, in their order. */
  items: readonly CheckboxOption[]
  onChange: (ids: number[]) => void
  disabled?: boolean
}

/** The order of chosen items (e.g. the gateways of a status page), with a button to move each up or down. */
export function OrderList({ label, items, onChange, disabled = false }: OrderListProps) {
  const move = (index: number, offset: number) =>
    onChange(moveItem(items, index, offset).map((item) => item.id))
  return (
    <div className="space-y-1">
      <p className="font-medium text-muted-foreground text-xs">{label}</p>
      <ol aria-label={label} className="divide-y rounded-md border bg-background">
        {items.map((item, index) => (
          <li key={item.id} data-item={item.label} className="flex items-center gap-2 px-2.5 py-1 text-xs">
            <span className="w-5 text-muted-foreground tabular-nums">{index + 1}.</span>
            <span className="min-w-0 flex-1 truncate">{item.label}</span>
            <Button
              variant="ghost"
              className="h-6 px-2"
              aria-label={`Move ${item.label} up`}
              disabled={disabled || index === 0}
              onClick={() => move(index, -1)}
            >
              ↑
            </Button>
            <Button
              variant="ghost"
              className="h-6 px-2"
              aria-label={`Move ${item.label} down`}
              disabled={disabled || index === items.length - 1}
              onClick={() => move(index, 1)}
            >
              ↓
            </Button>
          </li>
        ))}
      </ol>
    </div>
  )
}
