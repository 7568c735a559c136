import { ApiRequestError, fieldIssueSchema } from '@mc/shared'

export interface FormErrors<Field extends string> {
  /** Inline messages under the form's own fields, from a 400's `details`. */
  fields: Partial<Record<Field, string>>
  /** Everything else (409 conflict, 403, network…): one message for the whole form, or null. */
  form: string | null
}

/**
 * Splits a failed submit into messages by field, using the `{ path, message }` issues of a 400.
 * An issue goes under the nearest field the form shows (`config.to.1` under `config.to`); issues
 * about fields the form does not show, and errors without issues, become the form message.
 */
export function formErrors<Field extends string>(
  error: unknown,
  formFields: readonly Field[],
  describe: (error: unknown) => string,
): FormErrors<Field> {
  const result: FormErrors<Field> = { fields: {}, form: null }
  if (error === null || error === undefined) return result
  const issues = error instanceof ApiRequestError && error.status === 400 ? readIssues(error.details) : []
  const unplaced: string[] = []
  for (const issue of issues) {
    const field = nearestField(issue.path, formFields)
    if (field === undefined) unplaced.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message)
    else result.fields[field] ??= issue.message
  }
  if (issues.length === 0) result.form = describe(error)
  else if (unplaced.length > 0) result.form = unplaced.join('; ')
  return result
}

/** `path` itself or its closest parent among the form's fields (items of a list field sit below it). */
function nearestField<Field extends string>(path: string, formFields: readonly Field[]): Field | undefined {
  for (let at = path; at !== ''; at = at.slice(0, Math.max(0, at.lastIndexOf('.')))) {
    const field = formFields.find((name) => name === at)
    if (field !== undefined) return field
  }
  return undefined
}

function readIssues(details: unknown): { path: string; message: string }[] {
  if (!Array.isArray(details)) return []
  return details.flatMap((item) => {
    const issue = fieldIssueSchema.safeParse(item)
    return issue.success ? [issue.data] : []
  })
}
