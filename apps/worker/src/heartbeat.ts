import { beatWorkerHeartbeat, type Logger, removeWorkerHeartbeat } from '@mc/runtime'
import type { Redis } from 'ioredis'

/** Tells the API (via Redis) that this worker is alive, every `intervalS` seconds. */
export function startHeartbeat(options: {
  redis: Redis
  prefix: string
  workerId: string
  intervalS: number
  logger: Logger
}): { stop(): Promise<void> } {
  const beat = () =>
    beatWorkerHeartbeat(options.redis, options.prefix, options.workerId).catch((err: Error) =>
      options.logger.warn({ err: err.message }, 'worker heartbeat failed'),
    )
  void beat()
  const timer = setInterval(beat, options.intervalS * 1000)
  return {
    async stop() {
      clearInterval(timer)
      await removeWorkerHeartbeat(options.redis, options.prefix, options.workerId).catch(() => {})
    },
  }
}
