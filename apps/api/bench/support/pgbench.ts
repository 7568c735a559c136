import { execFile } from 'node:child_process'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import postgres from 'postgres'

const run = promisify(execFile)

/** pgbench on the PATH, or in Debian's postgresql-client layout; undefined when neither has it. */
export function findPgbench(): string | undefined {
  const onPath = (process.env.PATH ?? '').split(':').map((dir) => join(dir, 'pgbench'))
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').map((version) =>
        join('/usr/lib/postgresql', version, 'bin', 'pgbench'),
      )
    : []
  return [...onPath, ...debian].find((path) => existsSync(path))
}

/**
 * Resolves once pgbench's server processes have ended: they outlive pgbench by a moment, and a
 * bench that reads the CPU time of the database's processes meanwhile would count theirs, then
 * lose it when they go (a negative CPU per heartbeat).
 */
async function pgbenchBackendsGone(databaseUrl: string): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    for (;;) {
      const [row] = await sql<{ left: number }[]>`
        select count(*)::int as left from pg_stat_activity where application_name = 'pgbench'`
      if (row?.left === 0) return
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  } finally {
    await sql.end()
  }
}

/** Transactions per second of `script` on `databaseUrl` with `clients` clients for `durationS`. */
export async function pgbenchTps(
  pgbench: string,
  databaseUrl: string,
  script: string,
  clients: number,
  durationS: number,
): Promise<number> {
  const file = join(tmpdir(), `mc-bench-${process.pid}.sql`)
  writeFileSync(file, script)
  const { stdout } = await run(pgbench, [
    '--no-vacuum',
    '--protocol=prepared',
    `--client=${clients}`,
    '--jobs=2',
    `--time=${durationS}`,
    `--file=${file}`,
    databaseUrl,
  ])
  await pgbenchBackendsGone(databaseUrl)
  const tps = stdout.match(/tps = ([\d.]+)/)?.[1]
  if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`)
  return Number(tps)
}
