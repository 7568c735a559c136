import { ensureTestServices } from '@mc/local-stack'
import type { TestProject } from 'vitest/node'
import './provided-context.ts'
import { ensureTemplateDatabase } from './template-database.ts'

/**
 * Runs once per vitest run: makes sure Postgres and Redis are there and the template is migrated;
 * afterwards removes whatever databases and keys of this run its test files did not.
 */
export default async function setup(project: TestProject) {
  const services = await ensureTestServices()
  project.provide('testRunId', services.runId)
  project.provide('postgresAdminUrl', services.postgresAdminUrl)
  project.provide('redisUrl', services.redisUrl)
  project.provide('templateDatabase', await ensureTemplateDatabase(services.postgresAdminUrl))
  return () => services.stop()
}
