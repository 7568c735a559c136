import { useId, useMemo, useState } from 'react'
import { pickerOptions } from '../lib/picker-options.ts'
import { Input } from './Input.tsx'

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

/** Longer lists get a search box. */
const SEARCH_FROM = 10
/** How many matching options are listed, the chosen ones beyond them aside; a search finds the rest. */
const SHOWN_AT_MOST = 50

/**
 * A labelled multi-select as a scrolling list of checkboxes: gateways of a rule or a window, channels.
 * A long list (a fleet of thousands) is searched rather than scrolled: it lists the first matches and
 * the chosen ones, and says how many more a search would find.
 */
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
  const [query, setQuery] = useState('')
  const chosen = useMemo(() => new Set(selected), [selected])
  const { shown, matches } = useMemo(
    () => pickerOptions(options, chosen, query, SHOWN_AT_MOST),
    [options, chosen, query],
  )
  const message = error ?? hint
  const toggle = (option: number, checked: boolean) =>
    onChange(checked ? [...selected, option] : selected.filter((each) => each !== option))
  const searchable = options.length >= SEARCH_FROM
  return (
    <fieldset className="space-y-1" aria-describedby={message ? `${id}-message` : undefined}>
      <legend className="font-medium text-muted-foreground text-xs">{label}</legend>
      {options.length === 0 ? (
        <p className="text-muted-foreground text-xs">{emptyText}</p>
      ) : (
        <>
          {searchable && (
            <div className="flex items-center gap-2">
              <Input
                type="search"
                size="compact"
                aria-label={`Search ${label.toLowerCase()}`}
                placeholder={`Search ${options.length.toLocaleString()} ${label.toLowerCase()}…`}
                value={query}
                disabled={disabled}
                onChange={(event) => setQuery(event.target.value)}
                // Enter in a search box would submit the dialog's form half filled in.
                onKeyDown={(event) => {
                  if (event.key === 'Enter') event.preventDefault()
                }}
              />
              <span className="shrink-0 text-muted-foreground text-xs tabular-nums">
                {selected.length.toLocaleString()} chosen
              </span>
            </div>
          )}
          <div className="max-h-36 space-y-1 overflow-y-auto rounded-md border bg-background px-2.5 py-2">
            {shown.length === 0 && (
              <p className="text-muted-foreground text-xs">Nothing matches “{query.trim()}”.</p>
            )}
            {shown.map((option) => (
              <label key={option.id} className="flex items-center gap-2 text-xs">
                <input
                  type="checkbox"
                  className="size-3.5 accent-primary"
                  disabled={disabled}
                  checked={chosen.has(option.id)}
                  onChange={(event) => toggle(option.id, event.target.checked)}
                />
                <span className="truncate">{option.label}</span>
              </label>
            ))}
            {matches > shown.length && (
              <p className="text-muted-foreground text-xs">
                {(matches - shown.length).toLocaleString()} more: search to find them.
              </p>
            )}
          </div>
        </>
      )}
      {message && (
        <p id={`${id}-message`} className={error ? 'text-red-400 text-xs' : 'text-muted-foreground text-xs'}>
          {message}
        </p>
      )}
    </fieldset>
  )
}
