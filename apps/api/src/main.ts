import { runMain } from '@mc/runtime'
import { loadApiConfig } from './config.ts'
import { startApi } from './server.ts'

await runMain('mission-control api', async () => {
  const config = loadApiConfig()
  const api = await startApi(config)
  return { stop: api.stop, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS }
})
