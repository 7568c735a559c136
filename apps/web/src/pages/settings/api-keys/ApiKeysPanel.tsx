import type { ApiKey } from '@mc/shared'
import { useState } from 'react'
import { type CreatedApiKey, useApiKeys, useRevokeApiKey } from '../../../api/api-keys.ts'
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { QueryView } from '../../../components/QueryView.tsx'
import { KeyIcon } from '../../../layout/icons.tsx'
import { useConfirmation } from '../../../lib/use-confirmation.ts'
import { ApiKeysTable } from './ApiKeysTable.tsx'
import { CreateApiKeyForm } from './CreateApiKeyForm.tsx'
import { NewApiKeyDialog } from './NewApiKeyDialog.tsx'

/** Settings → API keys (admin): keys for tools; a new key's secret is shown once, then only its prefix. */
export function ApiKeysPanel() {
  const apiKeys = useApiKeys()
  const revoke = useRevokeApiKey()
  const revoking = useConfirmation<ApiKey>(revoke.reset)
  // The only place a new secret lives, until its dialog closes.
  const [created, setCreated] = useState<CreatedApiKey | null>(null)

  return (
    <Panel
      id="api-keys-heading"
      title="API keys"
      description={
        <>
          For CLI tools and scripts, sent as <code className="font-mono">x-api-key</code> or{' '}
          <code className="font-mono">Authorization: Bearer</code>. A key acts with its own role.
        </>
      }
    >
      <CreateApiKeyForm onCreated={setCreated} />
      <QueryView
        query={apiKeys}
        errorTitle="Could not load API keys"
        isEmpty={(data) => data.api_keys.length === 0}
        empty={
          <EmptyState
            icon={<KeyIcon />}
            title="No API keys yet"
            description="Create one above for each tool that talks to Mission Control, so each can be revoked on its own."
          />
        }
      >
        {(data) => <ApiKeysTable apiKeys={data.api_keys} onRevoke={revoking.ask} />}
      </QueryView>

      {created && <NewApiKeyDialog created={created} onClose={() => setCreated(null)} />}
      {revoking.target && (
        <ConfirmDialog
          title={`Revoke the key “${revoking.target.name}”?`}
          description={
            <>
              Anything still using{' '}
              <code className="font-mono text-foreground">{revoking.target.prefix}…</code> is refused from now
              on. This cannot be undone; the key stays listed as revoked.
            </>
          }
          confirmLabel="Revoke key"
          pending={revoke.isPending}
          error={revoke.error}
          onCancel={revoking.close}
          onConfirm={() =>
            revoking.target && revoke.mutate(revoking.target.id, { onSuccess: revoking.close })
          }
        />
      )}
    </Panel>
  )
}
