import { setTimeout as sleep } from 'node:timers/promises'
import { isTransientConflict } from './postgres-errors.ts'

/**
 * Runs `attempt` again when Postgres aborted it as a deadlock victim or a serialization failure.
 * The pause, doubling and jittered, lets the transaction it collided with finish first.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, retries = 4): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await attempt()
    } catch (error) {
      if (failures >= retries || !isTransientConflict(error)) throw error
      await sleep((2 + Math.random() * 8) * 2 ** failures)
    }
  }
}
