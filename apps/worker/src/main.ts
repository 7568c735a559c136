import { runMain } from '@mc/runtime'
import { loadWorkerConfig } from './config.ts'
import { startWorker } from './worker.ts'

await runMain('mission-control worker', async () => {
  const config = loadWorkerConfig()
  const worker = await startWorker(config)
  return { stop: worker.stop, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS }
})
