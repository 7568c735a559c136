import { sql } from 'drizzle-orm'
import { boolean, integer, jsonb, pgTable, serial, text } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns.ts'

export const alertRules = pgTable('alert_rules', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  /** One of the shared package's `ALERT_RULE_KINDS`; text, so a new kind needs no migration. */
  kind: text('kind').notNull(),
  /** The kind's parameters, defaults filled in. */
  params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
  /** Empty: every gateway. */
  scopeGatewayIds: integer('scope_gateway_ids').array().notNull().default(sql`'{}'`),
  /** Empty: every agent. */
  scopeAgentNames: text('scope_agent_names').array().notNull().default(sql`'{}'`),
  /** Channels that hear of its incidents; a deleted channel is removed from every rule. */
  channelIds: integer('channel_ids').array().notNull().default(sql`'{}'`),
  repeatEveryS: integer('repeat_every_s'),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})
