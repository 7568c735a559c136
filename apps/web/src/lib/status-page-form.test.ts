import {
  ApiRequestError,
  createStatusPageRequestSchema,
  type StatusPage,
  updateStatusPageRequestSchema,
} from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { errorMessage } from './error-message.ts'
import { formErrors } from './form-errors.ts'
import {
  createStatusPageBody,
  EMPTY_STATUS_PAGE_FORM,
  STATUS_PAGE_FORM_FIELDS,
  statusPageFormValues,
  updateStatusPageBody,
} from './status-page-form.ts'

const PAGE: StatusPage = {
  id: 3,
  slug: 'prod',
  title: 'Production',
  description: 'Our gateways',
  gateway_ids: [4, 2],
  public: false,
  show_errors: false,
  created_at: 1_700_000_000,
  updated_at: 1_700_000_000,
}

describe('createStatusPageBody', () => {
  it('sends every field, trimmed, gateways in the chosen order, and passes the contract', () => {
    const body = createStatusPageBody({
      slug: ' prod-eu ',
      title: ' Production EU ',
      description: ' Public status ',
      gatewayIds: [9, 1],
      public: true,
      showErrors: false,
    })
    expect(body).toEqual({
      slug: 'prod-eu',
      title: 'Production EU',
      description: 'Public status',
      gateway_ids: [9, 1],
      public: true,
      show_errors: false,
    })
    expect(createStatusPageRequestSchema.safeParse(body).success).toBe(true)
  })

  it('starts private, without error details', () => {
    expect(createStatusPageBody(EMPTY_STATUS_PAGE_FORM)).toMatchObject({ public: false, show_errors: false })
  })
})

describe('updateStatusPageBody', () => {
  it('is null when nothing changed', () => {
    expect(updateStatusPageBody(PAGE, statusPageFormValues(PAGE))).toBeNull()
  })

  it('sends only what changed, and a valid change for the contract', () => {
    const body = updateStatusPageBody(PAGE, { ...statusPageFormValues(PAGE), public: true, title: 'Prod ' })
    expect(body).toEqual({ public: true, title: 'Prod' })
    expect(updateStatusPageRequestSchema.safeParse(body).success).toBe(true)
  })

  it('counts a new gateway order as a change', () => {
    expect(updateStatusPageBody(PAGE, { ...statusPageFormValues(PAGE), gatewayIds: [2, 4] })).toEqual({
      gateway_ids: [2, 4],
    })
  })
})

describe('the contract’s messages under the dialog’s fields', () => {
  it('places each issue of a 400 under its field', () => {
    const error = new ApiRequestError(400, 'invalid request', [
      { path: 'slug', message: 'lowercase letters, digits and single dashes, e.g. "prod-eu"' },
      { path: 'gateway_ids.1', message: 'must be a positive integer' },
    ])
    expect(formErrors(error, STATUS_PAGE_FORM_FIELDS, errorMessage)).toEqual({
      fields: {
        slug: 'lowercase letters, digits and single dashes, e.g. "prod-eu"',
        gateway_ids: 'must be a positive integer',
      },
      form: null,
    })
  })
})
