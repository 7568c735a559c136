import type { CreatedApiKey } from '../../../api/api-keys.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { CopyableText } from '../../../components/CopyableText.tsx'
import { Dialog } from '../../../components/Dialog.tsx'
import { RoleBadge } from '../../../components/RoleBadge.tsx'

/**
 * The one time a key's secret is shown. It closes only with its button (not Escape or a stray
 * click), and closing drops the secret: the caller forgets it and it is no longer in the page.
 */
export function NewApiKeyDialog({ created, onClose }: { created: CreatedApiKey; onClose: () => void }) {
  return (
    <Dialog
      title="API key created"
      dismissible={false}
      onDismiss={onClose}
      className="max-w-lg"
      description={
        <span className="inline-flex flex-wrap items-center gap-1.5">
          <strong className="text-foreground">{created.apiKey.name}</strong> with the role
          <RoleBadge role={created.apiKey.role} />
        </span>
      }
      footer={
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      }
    >
      <div className="space-y-3">
        <Alert tone="warning">
          Copy the key now. It will not be shown again: Mission Control keeps only a hash of it.
        </Alert>
        <CopyableText
          text={created.key}
          what="key"
          testId="new-api-key"
          hint="Tools send it as the x-api-key header."
        />
      </div>
    </Dialog>
  )
}
