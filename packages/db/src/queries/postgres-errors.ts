/** The unique index a Postgres unique violation (23505) tripped, if that is what `error` is. */
export function violatedUniqueIndex(error: unknown): string | undefined {
  const candidate = (error as { cause?: unknown })?.cause ?? error
  const pg = candidate as { code?: string; constraint_name?: string; constraint?: string }
  return pg?.code === '23505' ? (pg.constraint_name ?? pg.constraint ?? '') : undefined
}

/** The Postgres error behind `error` (drizzle wraps it as `cause`) when the server refused a statement. */
export function postgresError(error: unknown): { code: string; message: string } | undefined {
  const candidate = ((error as { cause?: unknown })?.cause ?? error) as { name?: unknown; code?: unknown }
  return candidate?.name === 'PostgresError' && typeof candidate.code === 'string'
    ? (candidate as { code: string; message: string })
    : undefined
}

/** A deadlock victim (40P01) or a serialization failure (40001): the same statement may succeed again. */
export function isTransientConflict(error: unknown): boolean {
  const code = postgresError(error)?.code
  return code === '40P01' || code === '40001'
}

/** SQLSTATE class 22, data exception: a value the statement was given was refused, not the database. */
export function isDataException(error: unknown): boolean {
  return postgresError(error)?.code.startsWith('22') ?? false
}
