import type { RouteDeps } from '../../app-deps.ts'
import type { RouteDef } from '../../http/route.ts'
import { withMetricsToken } from '../../metrics/metrics-authenticator.ts'

/** `GET /metrics`: the Prometheus text format, for scrapers with METRICS_TOKEN or any viewer. */
export function metricsRoutes({
  metrics,
  authenticate,
  config,
}: Pick<RouteDeps, 'metrics' | 'authenticate' | 'config'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/metrics',
      access: 'viewer',
      authenticate: withMetricsToken(authenticate, config.METRICS_TOKEN),
      handler: async (c) => {
        const body = await metrics.registry.metrics()
        return c.body(body, 200, { 'content-type': metrics.registry.contentType })
      },
      doc: {
        summary: 'Prometheus metrics',
        description:
          'Metrics in the Prometheus text format: every gateway (up, status, latency, sessions, agents, ' +
          'last probe age), CLI connections, queue depths read at scrape time, and this process’s HTTP ' +
          'requests, heartbeats, event streams and process metrics. Scrapers send METRICS_TOKEN as ' +
          '`Authorization: Bearer <token>`; any viewer credential (API key or sign-in) works too. ' +
          'Series and labels: docs/metrics.md.',
        security: ['metricsToken', 'apiKey', 'bearerApiKey', 'signInCookie'],
        responses: {
          200: {
            contentType: 'text/plain; version=0.0.4',
            description: 'The metrics, one series per line',
          },
        },
      },
    },
  ]
}
