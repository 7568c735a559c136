import type { SendResult } from '../alert-message.ts'

/** What one sender found out; `sendAlert` adds the duration. */
export type Attempt = Omit<SendResult, 'durationMs'>

/** How much of a receiver's answer the delivery log keeps. */
export const REPLY_CHARS = 500
