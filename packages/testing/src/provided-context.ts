// What the global setup hands to every test file through vitest's provide/inject.
declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string
    templateDatabase: string
    redisUrl: string
    /** Names this run's databases and Redis prefixes, so its teardown finds all of them. */
    testRunId: string
  }
}

export {}
