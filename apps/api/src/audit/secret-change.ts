/**
 * How an update touched a stored secret, for the audit log (never the secret, not even encrypted):
 * undefined when it was not touched or stayed absent.
 */
export function secretChange(
  before: string | null,
  after: string | null,
  touched: boolean,
): 'set' | 'changed' | 'cleared' | undefined {
  if (!touched) return undefined
  if (after === null) return before === null ? undefined : 'cleared'
  return before === null ? 'set' : 'changed'
}
