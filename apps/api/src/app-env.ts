import type { Database } from '@mc/db'
import type { Logger } from '@mc/runtime'
import type { Redis } from 'ioredis'
import type { ApiConfig } from './config.ts'

/** What route handlers get from the process: built once in main, replaced with test doubles never. */
export interface AppDeps {
  config: ApiConfig
  db: Database
  redis: Redis
  logger: Logger
  startedAt: Date
}

export interface AppEnv {
  Variables: {
    requestId: string
    log: Logger
  }
}
