import { JsonDetails } from '../../../components/JsonDetails.tsx'

/** An entry's detail JSON: a one-line preview that opens into the whole thing, pretty-printed. */
export function AuditDetail({ detail }: { detail: unknown }) {
  return <JsonDetails value={detail} className="max-w-56" />
}
