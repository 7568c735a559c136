import type { Gateway } from '@mc/shared'
import type { ManualRotation } from '../../api/gateways.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { CopyableText } from '../../components/CopyableText.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { formatDateTime } from '../../lib/time.ts'

/**
 * The one time a manual rotation's token is shown, with the command for the gateway's host. It
 * closes only with its button, and closing drops the token: the caller forgets it.
 */
export function ManualRotationDialog({
  gateway,
  rotation,
  onClose,
}: {
  gateway: Gateway
  rotation: ManualRotation
  onClose: () => void
}) {
  return (
    <Dialog
      title={`New token for ${gateway.name}`}
      dismissible={false}
      onDismiss={onClose}
      className="max-w-xl"
      description="Run this command on the gateway’s host. Until the gateway takes the new token, Mission Control keeps using the current one; a probe then switches to the new one by itself."
      footer={
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      }
    >
      <div className="space-y-3">
        <Alert tone="warning">
          Copy it now. The token will not be shown again: Mission Control keeps it only encrypted.
        </Alert>
        <CopyableText
          text={rotation.command}
          what="command"
          testId="rotation-command"
          hint="Run it where the gateway runs, as the user it runs as."
        />
        <CopyableText
          text={rotation.token}
          what="token"
          testId="rotation-token"
          hint="The token alone, for a gateway you configure another way."
        />
        <p data-testid="rotation-expiry" className="text-muted-foreground text-xs">
          The new token waits until {formatDateTime(rotation.expiresAt)}; after that it is dropped and the
          current token stays.
        </p>
      </div>
    </Dialog>
  )
}
