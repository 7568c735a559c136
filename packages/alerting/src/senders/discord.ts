import type { AlertSeverity } from '@mc/shared'
import type { AlertMessage, ChannelTargetOf, IncidentNotice, SendOptions } from '../alert-message.ts'
import type { Attempt } from './attempt.ts'
import { postJsonToReceiver } from './http-post.ts'
import { clip, fitLines, gravestOpenSeverity, messageLines, messageTitle, messageUrl } from './notice-text.ts'

/** Discord's limits: message content, embed title, embed description, all of an embed's text. */
const CONTENT_CHARS = 2000
const TITLE_CHARS = 256
const DESCRIPTION_CHARS = 4096
const EMBED_TOTAL_CHARS = 6000

const SEVERITY_COLOURS: Record<AlertSeverity, number> = {
  critical: 0xe01e5a,
  warning: 0xecb22e,
  info: 0x3aa3e3,
}
const RESOLVED_COLOUR = 0x2eb67d

interface EmbedField {
  name: string
  value: string
  inline: boolean
}

/** Discord's webhook message: the title as content, and one embed listing as many subjects as fit. */
export function discordPayload(message: AlertMessage) {
  const title = clip(messageTitle(message), TITLE_CHARS)
  const fields = countFields(message.notices)
  const fieldChars = fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  const lines = messageLines(message).map((line, index) => discordLine(line, message.notices[index]))
  const url = messageUrl(message)
  return {
    content: clip(url ? `**${escapeDiscord(title)}**\n${url}` : `**${escapeDiscord(title)}**`, CONTENT_CHARS),
    // A gateway named "@everyone" must not ping a whole server.
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title,
        ...(url ? { url } : {}),
        description: fitLines(
          lines,
          Math.min(DESCRIPTION_CHARS, EMBED_TOTAL_CHARS - title.length - fieldChars),
        ),
        color: colourOf(message),
        fields,
      },
    ],
  }
}

export function sendDiscord(
  target: ChannelTargetOf<'discord'>,
  message: AlertMessage,
  options: SendOptions,
): Promise<Attempt> {
  return postJsonToReceiver(target.config.url, discordPayload(message), options.timeoutMs)
}

/** Red, amber or blue for the gravest open incident; green when every notice is a resolve. */
function colourOf(message: AlertMessage): number {
  const gravest = gravestOpenSeverity(message.notices)
  if (gravest) return SEVERITY_COLOURS[gravest]
  return message.notices.length > 0 ? RESOLVED_COLOUR : SEVERITY_COLOURS.info
}

/** How many incidents opened, are still open, resolved: one inline field each. */
function countFields(notices: IncidentNotice[]): EmbedField[] {
  const names = {
    'incident.opened': 'Opened',
    'incident.reminder': 'Still open',
    'incident.resolved': 'Resolved',
  }
  return Object.entries(names).flatMap(([event, name]) => {
    const count = notices.filter((notice) => notice.event === event).length
    return count > 0 ? [{ name, value: String(count), inline: true }] : []
  })
}

function discordLine(line: string, notice: IncidentNotice | undefined): string {
  const text = escapeDiscord(line)
  return notice?.url ? `${text} [open](${notice.url})` : text
}

/** Names and errors are shown as written, not as Discord markdown. */
function escapeDiscord(text: string): string {
  return text.replace(/[\\*_~`|>[\]]/g, '\\$&')
}
