import { hostname } from 'node:os'
import { commonConfigShape, envInt, loadConfig } from '@mc/runtime'
import { z } from 'zod'

export const workerConfigSchema = z.object({
  ...commonConfigShape,
  DB_POOL_MAX: envInt(5, { min: 1, max: 200 }),
  WORKER_HEARTBEAT_S: envInt(5, { min: 1, max: 60 }),
  WORKER_ID: z.string().min(1).default(`${hostname()}:${process.pid}`),
})

export type WorkerConfig = z.infer<typeof workerConfigSchema>

export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env): WorkerConfig =>
  loadConfig(workerConfigSchema, env)
