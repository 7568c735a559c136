import type { z } from 'zod'

/** A zod failure in the words of the gateway's JSON-schema validator ("at /client/id: …"). */
export function paramsErrorMessage(what: string, error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return `invalid ${what}`
  const at = (path: readonly PropertyKey[]) => (path.length ? `/${path.map(String).join('/')}` : 'root')
  if (issue.code === 'unrecognized_keys') {
    return `invalid ${what}: at ${at(issue.path)}: unexpected property '${issue.keys[0]}'`
  }
  if (issue.code === 'invalid_value') {
    return `invalid ${what}: at ${at(issue.path)}: must be equal to one of the allowed values`
  }
  if (issue.code === 'invalid_type' && issue.input === undefined && issue.path.length > 0) {
    const parent = issue.path.slice(0, -1)
    return `invalid ${what}: at ${at(parent)}: must have required property '${String(issue.path.at(-1))}'`
  }
  return `invalid ${what}: at ${at(issue.path)}: ${issue.message}`
}
