import { cx } from '../lib/class-names.ts'
import { jsonPreview } from '../lib/json-preview.ts'

interface JsonDetailsProps {
  value: unknown
  /** How many characters the one-line preview keeps. */
  previewLength?: number
  className?: string
}

/** A JSON value as a one-line preview that opens into the whole thing, pretty-printed; "—" for none. */
export function JsonDetails({ value, previewLength = 30, className }: JsonDetailsProps) {
  if (value === null || value === undefined) return <span className="text-muted-foreground">—</span>
  return (
    <details className={cx('min-w-0', className)}>
      <summary className="cursor-pointer truncate font-mono text-muted-foreground hover:text-foreground">
        {jsonPreview(value, previewLength)}
      </summary>
      <pre className="mt-1.5 overflow-x-auto rounded border bg-background p-2 font-mono text-2xs leading-relaxed">
        {typeof value === 'string' ? value : JSON.stringify(value, null, 2)}
      </pre>
    </details>
  )
}
