import { ApiRequestError, errorMessage as thrownMessage } from '@mc/shared'

/** What to tell a person about a failed request: the API's own message when it sent one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) return 'The API could not be reached. Check that it is running.'
  // A response that does not match the shared schema: the API and this app disagree on the contract.
  if (error instanceof Error && error.name === 'ZodError')
    return 'The API sent a response this app does not understand.'
  return thrownMessage(error)
}
