import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { bearerMatches, type Logger } from '@mc/runtime'
import { errorMessage } from '@mc/shared'
import type { Registry } from 'prom-client'

export interface MetricsServerOptions {
  registry: Registry
  port: number
  host: string
  /** When set, scrapes must send it as a bearer token. */
  token: string | undefined
}

export interface MetricsServer {
  port: number
  close(): Promise<void>
}

const json = (error: string) => JSON.stringify({ error })

/** Serves `registry` at `GET /metrics` for Prometheus, and nothing else. */
export async function startMetricsServer({
  registry,
  port,
  host,
  token,
}: MetricsServerOptions): Promise<MetricsServer> {
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(json('not found: only GET /metrics'))
      return
    }
    if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
      res
        .writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' })
        .end(json('send METRICS_TOKEN as a bearer token'))
      return
    }
    try {
      const body = await registry.metrics()
      res.writeHead(200, { 'content-type': registry.contentType }).end(body)
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(json(errorMessage(error)))
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * The worker's metrics port, or null when it is off (port 0) or taken. A taken port is a warning,
 * not a failed start: a second worker on the same host still probes, only without its own metrics.
 */
export async function serveWorkerMetrics(
  options: MetricsServerOptions,
  logger: Logger,
): Promise<MetricsServer | null> {
  if (options.port === 0) return null
  try {
    return await startMetricsServer(options)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    logger.warn(
      { port: options.port },
      'WORKER_METRICS_PORT is in use (another worker on this host?): this worker serves no metrics; give each worker its own port',
    )
    return null
  }
}
