import { ensureTestServices } from '@mc/local-stack'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string
    testRunId: string
  }
}

/** @mc/db sits below @mc/testing, so its tests make their own databases from the admin URL. */
export default async function setup(project: TestProject) {
  const services = await ensureTestServices()
  project.provide('postgresAdminUrl', services.postgresAdminUrl)
  project.provide('testRunId', services.runId)
  return () => services.stop()
}
