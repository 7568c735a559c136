import { ApiRequestError } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { errorMessage } from './error-message.ts'
import { formErrors } from './form-errors.ts'

const FIELDS = ['username', 'password'] as const

describe('formErrors', () => {
  it('is empty without an error', () => {
    expect(formErrors(null, FIELDS, errorMessage)).toEqual({ fields: {}, form: null })
  })

  it("puts a 400's issues under their fields, the first message per field", () => {
    const error = new ApiRequestError(400, 'invalid request', [
      { path: 'username', message: '3–64 characters' },
      { path: 'password', message: 'at least 10 characters' },
      { path: 'password', message: 'second complaint' },
    ])
    expect(formErrors(error, FIELDS, errorMessage)).toEqual({
      fields: { username: '3–64 characters', password: 'at least 10 characters' },
      form: null,
    })
  })

  it('reports issues about fields the form does not have at form level', () => {
    const error = new ApiRequestError(400, 'invalid request', [
      { path: '', message: 'nothing to change' },
      { path: 'role', message: 'invalid option' },
      { path: 'username', message: 'taken' },
    ])
    expect(formErrors(error, FIELDS, errorMessage)).toEqual({
      fields: { username: 'taken' },
      form: 'nothing to change; role: invalid option',
    })
  })

  it('puts an issue deeper than any field under the nearest field the form has', () => {
    const error = new ApiRequestError(400, 'invalid request', [
      { path: 'config.to.1', message: 'not an email address' },
      { path: 'config.url.host', message: 'not a URL' },
    ])
    expect(formErrors(error, ['name', 'config.to'] as const, errorMessage)).toEqual({
      fields: { 'config.to': 'not an email address' },
      form: 'config.url.host: not a URL',
    })
  })

  it('uses the message of errors without issues: conflicts, odd details, network failures', () => {
    expect(formErrors(new ApiRequestError(409, 'username already exists'), FIELDS, errorMessage)).toEqual({
      fields: {},
      form: 'username already exists',
    })
    expect(
      formErrors(new ApiRequestError(400, 'bad json', { what: 'ever' }), FIELDS, errorMessage).form,
    ).toBe('bad json')
    expect(formErrors(new TypeError('Failed to fetch'), FIELDS, errorMessage).form).toMatch(
      /could not be reached/,
    )
  })
})
