import { jsonPreview } from '../../../lib/json-preview.ts'

/** An entry's detail JSON: a one-line preview that opens into the whole thing, pretty-printed. */
export function AuditDetail({ detail }: { detail: unknown }) {
  if (detail === null || detail === undefined) return <span className="text-muted-foreground">—</span>
  return (
    <details className="max-w-56">
      <summary className="cursor-pointer truncate font-mono text-muted-foreground hover:text-foreground">
        {jsonPreview(detail, 30)}
      </summary>
      <pre className="mt-1.5 overflow-x-auto rounded border bg-background p-2 font-mono text-2xs leading-relaxed">
        {JSON.stringify(detail, null, 2)}
      </pre>
    </details>
  )
}
