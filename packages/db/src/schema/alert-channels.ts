import { ALERT_CHANNEL_TYPES } from '@mc/shared'
import { boolean, jsonb, pgEnum, pgTable, serial, text } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns.ts'

export const alertChannelTypeEnum = pgEnum('alert_channel_type', ALERT_CHANNEL_TYPES)

export const alertChannels = pgTable('alert_channels', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  type: alertChannelTypeEnum('type').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** The parts of the config that may be shown (a webhook's URL, an email's addresses…). */
  config: jsonb('config').$type<Record<string, unknown>>().notNull(),
  /**
   * The secret parts as JSON (a webhook's signing secret, a Slack or Discord URL), AES-256-GCM
   * encrypted like gateway tokens; null when there are none.
   */
  secret: text('secret'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})
