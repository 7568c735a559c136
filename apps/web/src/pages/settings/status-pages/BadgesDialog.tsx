import type { StatusPage } from '@mc/shared'
import { Button } from '../../../components/Button.tsx'
import { CopyableText } from '../../../components/CopyableText.tsx'
import { Dialog } from '../../../components/Dialog.tsx'
import { badgeMarkdown } from '../../../lib/badge-markdown.ts'

interface BadgesDialogProps {
  page: StatusPage
  /** A gateway's name by id; a gateway the list does not know is called by its id. */
  gatewayName: (id: number) => string
  onClose: () => void
}

/** Markdown of each gateway's badges on a public page, with absolute URLs, ready to paste. */
export function BadgesDialog({ page, gatewayName, onClose }: BadgesDialogProps) {
  const origin = window.location.origin
  return (
    <Dialog
      title={`Badges of ${page.title}`}
      description="Markdown for a README or wiki: each gateway's status and 7-day uptime, linking to the page."
      className="max-w-2xl"
      onDismiss={onClose}
      footer={<Button onClick={onClose}>Close</Button>}
    >
      {page.gateway_ids.length === 0 && (
        <p className="text-muted-foreground text-xs">No gateways on this page yet: edit it to add some.</p>
      )}
      <ul className="space-y-4">
        {page.gateway_ids.map((id) => (
          <li key={id} data-badges={gatewayName(id)} className="space-y-1.5">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="font-medium text-xs">{gatewayName(id)}</h3>
              {/* The badges themselves, as a README will show them. */}
              <img src={`/badge/${page.slug}/${id}/status.svg`} alt={`${gatewayName(id)} status badge`} />
              <img
                src={`/badge/${page.slug}/${id}/uptime.svg?period=7d`}
                alt={`${gatewayName(id)} 7-day uptime badge`}
              />
            </div>
            <CopyableText
              text={badgeMarkdown(origin, page.slug, { id, name: gatewayName(id) })}
              what="snippet"
              testId="badge-markdown"
              hint="Paste it where Markdown is rendered."
            />
          </li>
        ))}
      </ul>
    </Dialog>
  )
}
