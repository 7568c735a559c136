import type { SendOptions } from './alert-message.ts'

/** The alerting settings of an app's config (`alertingConfigShape` in @mc/runtime). */
interface MailSettings {
  SMTP_URL?: string | undefined
  SMTP_FROM?: string | undefined
}

/** How to send from an app's config: email needs both SMTP_URL and SMTP_FROM, else it fails clearly. */
export function sendOptions(config: MailSettings, timeoutMs: number): SendOptions {
  const smtp = config.SMTP_URL && config.SMTP_FROM ? { url: config.SMTP_URL, from: config.SMTP_FROM } : null
  return { smtp, timeoutMs }
}
