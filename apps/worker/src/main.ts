import { runMain } from '@mc/runtime'
import { loadWorkerConfig } from './config.ts'
import { startWorker } from './worker.ts'

await runMain('mission-control worker', async () => {
  const worker = await startWorker(loadWorkerConfig())
  return worker.stop
})
