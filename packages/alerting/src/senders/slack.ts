import type { AlertMessage, ChannelTargetOf, IncidentNotice, SendOptions } from '../alert-message.ts'
import type { Attempt } from './attempt.ts'
import { postJsonToReceiver } from './http-post.ts'
import { clip, fitLines, messageLines, messageTitle, takeLines } from './notice-text.ts'

/** Slack's limits: blocks per message, characters in a header and in a section's text. */
const MAX_BLOCKS = 50
const HEADER_CHARS = 150
const SECTION_CHARS = 3000

type Block = Record<string, unknown>

/** Slack's incoming-webhook message: a fallback `text` and blocks listing every subject that fits. */
export function slackPayload(message: AlertMessage): { text: string; blocks: Block[] } {
  const title = messageTitle(message)
  const lines = messageLines(message).map((line, index) => slackLine(line, message.notices[index]))
  const footer: Block[] = message.dashboardUrl
    ? [
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: `<${message.dashboardUrl}|Open Mission Control>` }],
        },
      ]
    : []
  const sections = sectionTexts(lines, MAX_BLOCKS - 1 - footer.length).map((text) => ({
    type: 'section',
    text: { type: 'mrkdwn', text },
  }))
  return {
    text: title,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: clip(title, HEADER_CHARS) } },
      ...sections,
      ...footer,
    ],
  }
}

export function sendSlack(
  target: ChannelTargetOf<'slack'>,
  message: AlertMessage,
  options: SendOptions,
): Promise<Attempt> {
  return postJsonToReceiver(target.config.url, slackPayload(message), options.timeoutMs)
}

/** Lines packed into at most `maxSections` texts; the last one ends with "…and N more" if needed. */
function sectionTexts(lines: string[], maxSections: number): string[] {
  const texts: string[] = []
  let rest = lines
  while (rest.length > 0) {
    if (texts.length === maxSections - 1) {
      texts.push(fitLines(rest, SECTION_CHARS))
      break
    }
    // A line is at most a few hundred characters, so every section takes at least one.
    const count = Math.max(
      1,
      takeLines(rest, SECTION_CHARS, (text) => text.length),
    )
    texts.push(rest.slice(0, count).join('\n'))
    rest = rest.slice(count)
  }
  return texts
}

function slackLine(line: string, notice: IncidentNotice | undefined): string {
  const text = escapeSlack(line)
  return notice?.url ? `${text} <${notice.url}|open>` : text
}

/** Slack's mrkdwn treats these three as control characters; nothing else needs escaping. */
function escapeSlack(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}
