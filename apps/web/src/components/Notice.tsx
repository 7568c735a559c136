import { Alert, type AlertTone } from './Alert.tsx'

/** The outcome of the latest action on a page: "Added Production.", "Probed 12 gateways: …". */
export interface NoticeMessage {
  tone: AlertTone
  text: string
}

/** Shows the page's latest notice, if any, until dismissed or replaced. */
export function Notice({ notice, onDismiss }: { notice: NoticeMessage | null; onDismiss: () => void }) {
  if (!notice) return null
  return (
    <Alert tone={notice.tone} onDismiss={onDismiss}>
      <span data-testid="notice">{notice.text}</span>
    </Alert>
  )
}
