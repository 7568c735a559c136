import { runAlertTick } from '@mc/alerting'
import { QUEUES } from '@mc/runtime'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'

/** Every ALERT_TICK_S: reminders, the ends of maintenance windows, conditions that clear with time. */
export const alertTick = ({
  alerts,
  alertEvaluator,
  config,
}: Pick<WorkerContext, 'alerts' | 'alertEvaluator' | 'config'>) =>
  defineJob<Record<string, never>>({
    queue: QUEUES.alertTick,
    every: { ms: config.ALERT_TICK_S * 1000, data: {} },
    process: () => runAlertTick(alerts, alertEvaluator),
  })
