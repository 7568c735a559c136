import type { DependencyCheck, HealthResponse } from '@mc/shared'
import { useHealth } from '../../../api/queries.ts'
import { Badge, type BadgeVariant } from '../../../components/Badge.tsx'
import { Button } from '../../../components/Button.tsx'
import { ErrorState } from '../../../components/ErrorState.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { Skeleton } from '../../../components/Skeleton.tsx'
import { Spinner } from '../../../components/Spinner.tsx'
import { formatAge, formatDuration } from '../../../lib/time.ts'
import { useNow } from '../../../lib/use-now.ts'
import { CheckRow } from './CheckRow.tsx'

const STATUS_BADGE: Record<HealthResponse['status'], BadgeVariant> = {
  ok: 'success',
  degraded: 'warning',
  down: 'danger',
}

/** Settings → System: every check behind `/api/health`, refreshed with the header indicator. */
export function SystemPanel() {
  const health = useHealth()
  const now = useNow()

  return (
    <Panel
      id="system-heading"
      title="System"
      badge={
        health.data &&
        !health.isError && <Badge variant={STATUS_BADGE[health.data.status]}>{health.data.status}</Badge>
      }
      description={
        health.dataUpdatedAt > 0
          ? `Checked ${formatAge((now - health.dataUpdatedAt) / 1000)}`
          : 'Database, Redis, worker and schedule checks'
      }
      actions={
        <>
          {health.isFetching && <Spinner label="Checking" />}
          <Button variant="ghost" onClick={() => health.refetch()} disabled={health.isFetching}>
            Refresh
          </Button>
          {/* Served by the API, outside this app: a full page load, in a tab of its own. */}
          <a
            href="/api/docs"
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex h-8 items-center gap-1 rounded-md border px-3 font-medium text-xs transition-colors hover:bg-accent"
          >
            API reference <span aria-hidden="true">↗</span>
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        </>
      }
    >
      {health.isError ? (
        <ErrorState
          title="Could not check the system"
          error={health.error}
          onRetry={() => health.refetch()}
          retrying={health.isFetching}
        />
      ) : health.data ? (
        <HealthDetails health={health.data} elapsedS={(now - health.dataUpdatedAt) / 1000} />
      ) : (
        <LoadingRows />
      )}
    </Panel>
  )
}

function DependencyRow({ id, name, check }: { id: string; name: string; check: DependencyCheck }) {
  return (
    <CheckRow
      id={id}
      name={name}
      tone={check.ok ? 'ok' : 'error'}
      detail={check.ok ? 'ok' : (check.error ?? 'failing')}
      metric={latency(check.latency_ms)}
    />
  )
}

/** `elapsedS`: seconds since `health` was fetched, so ages and uptime keep counting between checks. */
function HealthDetails({ health, elapsedS }: { health: HealthResponse; elapsedS: number }) {
  const { db, redis, worker, schedules } = health.checks
  const heartbeatAge = worker.last_seen === null ? null : (worker.age_s ?? 0) + elapsedS
  return (
    <>
      <ul className="divide-y rounded-md border" aria-label="Checks">
        <DependencyRow id="db" name="Database" check={db} />
        <DependencyRow id="redis" name="Redis" check={redis} />
        <CheckRow
          id="worker"
          name="Worker"
          tone={worker.ok ? 'ok' : 'warn'}
          detail={
            worker.ok ? `ok · ${worker.alive} alive` : 'no live worker: probes and sweeps are not running'
          }
          metric={`last heartbeat ${formatAge(heartbeatAge)}`}
        />
        <CheckRow
          id="schedules"
          name="Schedules"
          tone={schedules.ok ? 'ok' : 'warn'}
          detail={
            schedules.ok
              ? 'ok'
              : `missing: ${schedules.missing.join(', ') || 'unknown'}; a running worker puts them back`
          }
          metric={schedules.ok ? 'all in place' : `${schedules.missing.length} missing`}
        />
      </ul>
      <dl className="mt-4 grid grid-cols-2 gap-4 text-xs sm:grid-cols-3">
        <div>
          <dt className="text-muted-foreground">API version</dt>
          <dd className="mt-0.5 font-mono" data-testid="api-version">
            {health.version}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Uptime</dt>
          <dd className="mt-0.5 font-mono" data-testid="api-uptime">
            {formatDuration(health.uptime_s + elapsedS)}
          </dd>
        </div>
      </dl>
    </>
  )
}

function latency(ms: number | null): string {
  return ms === null ? '—' : `${ms} ms`
}

function LoadingRows() {
  return (
    <div className="space-y-2" aria-busy="true">
      {['db', 'redis', 'worker', 'schedules'].map((key) => (
        <Skeleton key={key} className="h-9 w-full" />
      ))}
    </div>
  )
}
