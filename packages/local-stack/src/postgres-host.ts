// Child process of `npm start` that owns the embedded Postgres. It runs apart from the supervisor
// so the supervisor decides when Postgres stops: after the api and worker have let go of it.
import { startEmbeddedPostgres } from './embedded-postgres.ts'

const [dataDir, port, database, mode] = process.argv.slice(2)
if (!dataDir || !port || !database || !process.send) {
  process.stderr.write('postgres-host: run me through startPostgresChild()\n')
  process.exit(2)
}

try {
  const pg = await startEmbeddedPostgres({
    dataDir,
    port: Number(port),
    database,
    persistent: mode === 'persistent',
  })
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    pg.stop().then(() => process.exit(0))
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  process.on('disconnect', stop)
  process.send({ type: 'ready', url: pg.url })
} catch (error) {
  // embedded-postgres rejects with nothing when the server exits during start-up.
  const message =
    error instanceof Error
      ? error.message
      : `postgres exited during start-up (is another instance using ${dataDir} or port ${port}?)`
  process.send({ type: 'failed', message })
  process.exit(1)
}
