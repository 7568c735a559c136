import { useRef, useState } from 'react'
import type { CreatedApiKey } from '../../../api/api-keys.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { Dialog } from '../../../components/Dialog.tsx'
import { RoleBadge } from '../../../components/RoleBadge.tsx'
import { copyText } from '../../../lib/clipboard.ts'

/**
 * The one time a key's secret is shown. It closes only with its button (not Escape or a stray
 * click), and closing drops the secret: the caller forgets it and it is no longer in the page.
 */
export function NewApiKeyDialog({ created, onClose }: { created: CreatedApiKey; onClose: () => void }) {
  const secret = useRef<HTMLElement>(null)
  const [copy, setCopy] = useState<'idle' | 'copied' | 'selected'>('idle')

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
        <div className="flex items-start gap-2">
          <code
            ref={secret}
            data-testid="new-api-key"
            className="min-w-0 flex-1 select-all break-all rounded-md border bg-background px-3 py-2 font-mono text-xs leading-relaxed"
          >
            {created.key}
          </code>
          <Button
            onClick={async () => {
              if (secret.current) setCopy(await copyText(created.key, secret.current))
            }}
          >
            {copy === 'copied' ? 'Copied' : 'Copy'}
          </Button>
        </div>
        <p aria-live="polite" className="text-muted-foreground text-xs">
          {copy === 'selected'
            ? 'This browser did not allow copying: the key is selected, press Ctrl+C (⌘C on a Mac).'
            : copy === 'copied'
              ? 'Copied to the clipboard.'
              : 'Tools send it as the x-api-key header.'}
        </p>
      </div>
    </Dialog>
  )
}
