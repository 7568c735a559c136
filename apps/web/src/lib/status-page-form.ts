import type { CreateStatusPageRequest, StatusPage, UpdateStatusPageRequest } from '@mc/shared'

/** What the status page dialog holds, as typed. */
export interface StatusPageFormValues {
  slug: string
  title: string
  description: string
  /** In the order the page lists them. */
  gatewayIds: number[]
  public: boolean
  showErrors: boolean
}

/** The request fields the dialog shows, for the API's 400 details. */
export const STATUS_PAGE_FORM_FIELDS = [
  'slug',
  'title',
  'description',
  'gateway_ids',
  'public',
  'show_errors',
] as const

export const EMPTY_STATUS_PAGE_FORM: StatusPageFormValues = {
  slug: '',
  title: '',
  description: '',
  gatewayIds: [],
  public: false,
  showErrors: false,
}

export function statusPageFormValues(page: StatusPage): StatusPageFormValues {
  return {
    slug: page.slug,
    title: page.title,
    description: page.description,
    gatewayIds: page.gateway_ids,
    public: page.public,
    showErrors: page.show_errors,
  }
}

export function createStatusPageBody(values: StatusPageFormValues): CreateStatusPageRequest {
  return {
    slug: values.slug.trim(),
    title: values.title.trim(),
    description: values.description.trim(),
    gateway_ids: values.gatewayIds,
    public: values.public,
    show_errors: values.showErrors,
  }
}

const sameOrder = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((id, index) => id === b[index])

/** Only what changed (the API refuses an empty change): null when nothing did. */
export function updateStatusPageBody(
  page: StatusPage,
  values: StatusPageFormValues,
): UpdateStatusPageRequest | null {
  const next = createStatusPageBody(values)
  const body: UpdateStatusPageRequest = {
    ...(next.slug !== page.slug && { slug: next.slug }),
    ...(next.title !== page.title && { title: next.title }),
    ...(next.description !== page.description && { description: next.description }),
    ...(!sameOrder(values.gatewayIds, page.gateway_ids) && { gateway_ids: values.gatewayIds }),
    ...(values.public !== page.public && { public: values.public }),
    ...(values.showErrors !== page.show_errors && { show_errors: values.showErrors }),
  }
  return Object.keys(body).length === 0 ? null : body
}
