import type { TimelineEvent } from '@mc/openclaw'
import { MAX_EVENT_SUMMARY_LENGTH } from '@mc/shared'
import { sql } from 'drizzle-orm'
import type { Database } from '../client.ts'

/** An event for a gateway's timeline (time in epoch ms, the gateway's clock). */
export interface TimelineEventInput extends TimelineEvent {
  /**
   * How many events this one stands for: more than 1 when the caller already counted events it
   * could not hold; such an entry is always stored sampled.
   */
  count?: number
}

/**
 * Rows looked back at to count a minute's kept events: the cap plus room for the sampled rows and
 * rows of other minutes stored in between. Bounded, so the count reads an index, never a table.
 */
const LOOKBACK_MARGIN = 200

/**
 * Adds events to a gateway's timeline. Up to `perMinute` events of a minute are kept one by one;
 * beyond, each type of that minute is one row at the minute's start, `sampled`, whose `count` says
 * how many it stands for (later events of that minute add to it), keeping the first one's summary,
 * and the session, agent and run only when all of them share it. A gateway deleted meanwhile gets
 * nothing. One writer per gateway (its watcher) is assumed.
 */
export async function recordGatewayEvents(
  db: Database,
  gatewayId: number,
  events: TimelineEventInput[],
  perMinute: number,
): Promise<{ kept: number; sampled: number }> {
  return recordEventsOfGateways(db, [{ gatewayId, events }], perMinute)
}

/** The same for several gateways in one statement; the counts are their sums. */
export async function recordEventsOfGateways(
  db: Database,
  timelines: { gatewayId: number; events: TimelineEventInput[] }[],
  perMinute: number,
): Promise<{ kept: number; sampled: number }> {
  const entries = timelines.flatMap(({ gatewayId, events }) =>
    events.map((event) => ({
      ...event,
      gatewayId,
      summary: event.summary.slice(0, MAX_EVENT_SUMMARY_LENGTH),
      count: Math.max(1, event.count ?? 1),
    })),
  )
  if (entries.length === 0) return { kept: 0, sampled: 0 }
  const [result] = await db.execute<{ kept: number; sampled: number }>(sql`
    with r as (
      select r.*, to_timestamp(r.at / 1000.0) as ts, date_trunc('minute', to_timestamp(r.at / 1000.0)) as minute
      from jsonb_to_recordset(${JSON.stringify(entries.map((entry, i) => ({ ...entry, i })))}::jsonb)
        as r("gatewayId" int, i int, at float8, type text, "sessionKey" text, "agentId" text, "runId" text,
          summary text, count int)
    ), stored as (
      select gs.id as "gatewayId", date_trunc('minute', recent.at) as minute, count(*) as n
      from (select distinct "gatewayId" as id from r) gs
      cross join lateral (
        select e.at, e.sampled from gateway_events e where e.gateway_id = gs.id
        order by e.id desc limit ${perMinute + LOOKBACK_MARGIN}
      ) recent
      where not recent.sampled
      group by 1, 2
    ), ranked as (
      select r.*, case when r.count > 1 then null
        else coalesce(s.n, 0) + row_number() over (partition by r."gatewayId", r.minute, r.count > 1 order by r.i)
        end as place
      from r left join stored s using ("gatewayId", minute)
    ), kept as (
      insert into gateway_events (gateway_id, at, type, session_key, agent, run_id, summary)
      select g.id, ranked.ts, ranked.type, ranked."sessionKey", ranked."agentId", ranked."runId", ranked.summary
      from ranked join gateways g on g.id = ranked."gatewayId"
      where ranked.place <= ${perMinute}
      order by ranked.i
      returning 1
    ), over as (
      select "gatewayId", minute, type, sum(count)::int as n, (array_agg(summary order by i))[1] as summary,
        case when count(distinct "sessionKey") = 1 and bool_and("sessionKey" is not null) then min("sessionKey") end as session_key,
        case when count(distinct "agentId") = 1 and bool_and("agentId" is not null) then min("agentId") end as agent,
        case when count(distinct "runId") = 1 and bool_and("runId" is not null) then min("runId") end as run_id
      from ranked where ranked.place is null or ranked.place > ${perMinute}
      group by "gatewayId", minute, type
    ), merged as (
      update gateway_events e set count = e.count + over.n,
        session_key = case when e.session_key = over.session_key then e.session_key end,
        agent = case when e.agent = over.agent then e.agent end,
        run_id = case when e.run_id = over.run_id then e.run_id end
      from over
      where e.gateway_id = over."gatewayId" and e.at = over.minute and e.type = over.type and e.sampled
      returning e.gateway_id, e.type, e.at
    ), added as (
      insert into gateway_events (gateway_id, at, type, session_key, agent, run_id, summary, count, sampled)
      select g.id, over.minute, over.type, over.session_key, over.agent, over.run_id, over.summary, over.n, true
      from over join gateways g on g.id = over."gatewayId"
      where not exists (
        select 1 from merged m where m.gateway_id = over."gatewayId" and m.type = over.type and m.at = over.minute
      )
      returning 1
    )
    select (select count(*) from kept)::int as kept, (select coalesce(sum(n), 0) from over)::int as sampled`)
  return { kept: Number(result?.kept ?? 0), sampled: Number(result?.sampled ?? 0) }
}
