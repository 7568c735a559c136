import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from '@mc/runtime'
import { errorMessage } from '@mc/shared'

/**
 * Runs `step` until `signal` aborts: first after `firstDelayMs`, then after the delay each step
 * returns. A failing step is logged once (until a step succeeds again) and tried again after
 * `retryMs`: a poller never ends the connection it rides on.
 */
export async function pollUntilAborted(
  signal: AbortSignal,
  options: { name: string; logger: Logger; firstDelayMs: number; retryMs: number },
  step: () => Promise<number>,
): Promise<void> {
  let delayMs = options.firstDelayMs
  let failing = false
  for (;;) {
    try {
      await sleep(delayMs, undefined, { signal })
    } catch {
      return
    }
    try {
      delayMs = await step()
      if (failing) options.logger.info(`${options.name} works again`)
      failing = false
    } catch (error) {
      if (signal.aborted) return
      options.logger[failing ? 'debug' : 'warn']({ err: errorMessage(error) }, `${options.name} failed`)
      failing = true
      delayMs = options.retryMs
    }
  }
}
