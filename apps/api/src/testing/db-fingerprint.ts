import type { Database } from '@mc/db'

/** Parts of tables a fingerprint leaves out; each needs a reason where it is used. */
export interface FingerprintExclusions {
  /** table → columns */
  columns?: Record<string, string[]>
  /** table → SQL condition of the rows to leave out */
  rows?: Record<string, string>
}

/**
 * Row count and an md5 of every row, per table of the public schema: equal fingerprints taken
 * before and after mean nothing stored changed in between.
 */
export async function fingerprintDatabase(
  db: Database,
  exclude: FingerprintExclusions = {},
): Promise<Record<string, string>> {
  const tables = await db.$client<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`
  const fingerprint: Record<string, string> = {}
  for (const { name } of tables) {
    const [row] = await db.$client.unsafe<{ rows: number; hash: string }[]>(
      `select count(*)::int as rows, md5(coalesce(string_agg(r::text, e'\\n' order by r::text), '')) as hash
       from (select to_jsonb(t) - $1::text[] as r from "${name}" t where ${exclude.rows?.[name] ?? 'true'}) s`,
      [exclude.columns?.[name] ?? []],
    )
    fingerprint[name] = `${row?.rows} rows, md5 ${row?.hash}`
  }
  return fingerprint
}
