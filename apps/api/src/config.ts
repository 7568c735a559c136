import { fileURLToPath } from 'node:url'
import { commonConfigShape, envInt, loadConfig } from '@mc/runtime'
import { z } from 'zod'

/** The SPA build, next to this app's bundle in the repo and in the Docker image. */
const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url))

export const apiConfigSchema = z.object({
  ...commonConfigShape,
  PORT: envInt(3000, { min: 0, max: 65535 }),
  HOST: z.string().min(1).default('0.0.0.0'),
  DB_POOL_MAX: envInt(10, { min: 1, max: 200 }),
  BODY_LIMIT_BYTES: envInt(1024 * 1024, { min: 1024, max: 64 * 1024 * 1024 }),
  WEB_DIST_DIR: z.string().min(1).default(DEFAULT_WEB_DIST_DIR),
})

export type ApiConfig = z.infer<typeof apiConfigSchema>

export const loadApiConfig = (env: NodeJS.ProcessEnv = process.env): ApiConfig =>
  loadConfig(apiConfigSchema, env)
