/** The unique index a Postgres unique violation (23505) tripped, if that is what `error` is. */
export function violatedUniqueIndex(error: unknown): string | undefined {
  const candidate = (error as { cause?: unknown })?.cause ?? error
  const pg = candidate as { code?: string; constraint_name?: string; constraint?: string }
  return pg?.code === '23505' ? (pg.constraint_name ?? pg.constraint ?? '') : undefined
}
