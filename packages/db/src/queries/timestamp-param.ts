import { type SQL, sql } from 'drizzle-orm'

/**
 * `date` as a timestamptz parameter. Sent as epoch milliseconds, not ISO text: a year beyond 9999
 * (an API bound can reach one) has an ISO form Postgres does not read, but a range it stores.
 */
export const timestampParam = (date: Date): SQL => sql`to_timestamp(${date.getTime()}::float8 / 1000)`
