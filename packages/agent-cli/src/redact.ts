import { errorMessage } from '@mc/shared'

const REDACTED = '***'

/**
 * `text` with every occurrence of each secret replaced by `***`. Secrets shorter than 4 characters
 * are not looked for (they would mangle ordinary words and are not worth hiding).
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join(REDACTED)
  }
  return result
}

/** The message of anything thrown, with the secrets taken out. */
export function redactedMessage(error: unknown, secrets: readonly (string | undefined)[]): string {
  return redactSecrets(errorMessage(error), secrets)
}
