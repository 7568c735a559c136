import { sql } from 'drizzle-orm'
import { priceOfTokens } from '../queries/model-prices.ts'
import type { AlertKind } from './alert-kind.ts'

const inWindow = sql`from token_usage u
  where u.agent_id = s.id and u.recorded_at >= date_trunc(r.params->>'window', now())`
const tokensUsed = sql`(select coalesce(sum(u.input_tokens + u.output_tokens), 0) ${inWindow})`
// Priced per model as GET /api/usage prices CLI agents.
const costUsed = sql`(select coalesce(sum(${priceOfTokens(sql`u.input_tokens`, sql`u.output_tokens`, sql`u.model`)}), 0)
  ${inWindow})`

const hasTokens = sql`r.params ? 'tokens'`
const hasCost = sql`r.params ? 'cost_usd'`
const overBudget = sql`((${hasTokens} and ${tokensUsed} > (r.params->>'tokens')::bigint)
  or (${hasCost} and ${costUsed} > (r.params->>'cost_usd')::float8))`

const usedText = sql`concat_ws(', ', case when ${hasTokens} then ${tokensUsed} || ' tokens' end,
  case when ${hasCost} then '$' || to_char(${costUsed}, 'FM999999999990.00') end)`
// A budget of tokens alone reads "(budget 1000)", as before there were cost budgets.
const budgetText = sql`concat_ws(', ',
  (r.params->>'tokens') || case when ${hasCost} then ' tokens' else '' end, '$' || (r.params->>'cost_usd'))`

/**
 * An agent used more than `tokens`, or more than `cost_usd` dollars, since the start of the day or
 * month (database time zone); it clears when a new day or month starts.
 */
export const tokenBudget: AlertKind = {
  kind: 'token_budget',
  subject: 'agent',
  opensOn: ['usage'],
  resolvesOn: ['tick'],
  opensWhen: overBudget,
  resolvesWhen: sql`not ${overBudget}`,
  summary: sql`'agent ' || s.name || ' used ' || ${usedText} || ' this ' || (r.params->>'window')
    || ' (budget ' || ${budgetText} || ')'`,
}
