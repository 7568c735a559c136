import { useId } from 'react'

export interface CheckboxOption {
  id: number
  label: string
}

interface CheckboxListProps {
  label: string
  options: readonly CheckboxOption[]
  selected: readonly number[]
  onChange: (selected: number[]) => void
  /** Quiet help under the list, replaced by the error when there is one. */
  hint?: string
  error?: string
  /** Shown instead of the list when there is nothing to choose from. */
  emptyText: string
  disabled?: boolean
}

/** A labelled multi-select as a scrolling list of checkboxes: gateways of a rule or a window, channels. */
export function CheckboxList({
  label,
  options,
  selected,
  onChange,
  hint,
  error,
  emptyText,
  disabled = false,
}: CheckboxListProps) {
  const id = useId()
  const message = error ?? hint
  const toggle = (option: number, checked: boolean) =>
    onChange(checked ? [...selected, option] : selected.filter((chosen) => chosen !== option))
  return (
    <fieldset className="space-y-1" aria-describedby={message ? `${id}-message` : undefined}>
      <legend className="font-medium text-muted-foreground text-xs">{label}</legend>
      {options.length === 0 ? (
        <p className="text-muted-foreground text-xs">{emptyText}</p>
      ) : (
        <div className="max-h-36 space-y-1 overflow-y-auto rounded-md border bg-background px-2.5 py-2">
          {options.map((option) => (
            <label key={option.id} className="flex items-center gap-2 text-xs">
              <input
                type="checkbox"
                className="size-3.5 accent-primary"
                disabled={disabled}
                checked={selected.includes(option.id)}
                onChange={(event) => toggle(option.id, event.target.checked)}
              />
              <span className="truncate">{option.label}</span>
            </label>
          ))}
        </div>
      )}
      {message && (
        <p id={`${id}-message`} className={error ? 'text-red-400 text-xs' : 'text-muted-foreground text-xs'}>
          {message}
        </p>
      )}
    </fieldset>
  )
}
