import { randomBytes } from 'node:crypto'
import { ensureTestServices } from '@mc/local-stack'
import type { TestProject } from 'vitest/node'
import './provided-context.ts'
import { ensureTemplateDatabase } from './template-database.ts'
import { removeTestRunLeftovers } from './test-run.ts'

/**
 * Runs once per vitest run: makes sure Postgres and Redis are there and the template is migrated,
 * and afterwards removes whatever databases and keys of this run its test files did not.
 */
export default async function setup(project: TestProject) {
  const services = await ensureTestServices()
  const runId = randomBytes(4).toString('hex')
  project.provide('testRunId', runId)
  project.provide('postgresAdminUrl', services.postgresAdminUrl)
  project.provide('redisUrl', services.redisUrl)
  project.provide('templateDatabase', await ensureTemplateDatabase(services.postgresAdminUrl))
  return async () => {
    try {
      await removeTestRunLeftovers(runId, services.postgresAdminUrl, services.redisUrl)
    } finally {
      await services.stop()
    }
  }
}
