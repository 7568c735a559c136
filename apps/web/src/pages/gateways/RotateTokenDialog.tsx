import type { Gateway, TokenRotationMode } from '@mc/shared'
import { useState } from 'react'
import { type ManualRotation, useRotateToken } from '../../api/gateways.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { DialogActions } from '../../components/DialogActions.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { errorMessage } from '../../lib/error-message.ts'
import { rotationFailure, tokenAge } from '../../lib/token-state.ts'
import { useNowSeconds } from '../../lib/use-now.ts'
import { ManualRotationDialog } from './ManualRotationDialog.tsx'
import { RotationModeChoice } from './RotationModeChoice.tsx'

const PROGRESS: Record<TokenRotationMode, string> = {
  auto: 'Changing the token on the gateway, then checking the new one with a probe…',
  manual: 'Making a new token…',
}

function RotationError({
  error,
  onSwitchToManual,
}: {
  error: unknown
  onSwitchToManual: (() => void) | null
}) {
  const failure = rotationFailure(error, errorMessage(error))
  return (
    <Alert>
      <p data-reason={failure.reason ?? undefined}>{failure.message}</p>
      {failure.hint && <p className="mt-1 text-muted-foreground">{failure.hint}</p>}
      {failure.suggestManual && onSwitchToManual && (
        <Button className="mt-2 h-7" onClick={onSwitchToManual}>
          Switch to manual
        </Button>
      )}
    </Alert>
  )
}

/**
 * Rotate a gateway's token (admin): choose automatic or manual, then the outcome. An automatic
 * rotation ends with the token's new age, or with why the gateway kept its old token; a manual one
 * hands over to the dialog that shows the new token once.
 */
export function RotateTokenDialog({ gateway, onClose }: { gateway: Gateway; onClose: () => void }) {
  const [mode, setMode] = useState<TokenRotationMode>('auto')
  // The only place a manual rotation's token lives, until its dialog closes.
  const [manual, setManual] = useState<ManualRotation | null>(null)
  const rotate = useRotateToken(gateway.id, setManual)
  const now = useNowSeconds(5_000)

  if (manual) return <ManualRotationDialog gateway={gateway} rotation={manual} onClose={onClose} />

  const rotated = rotate.isSuccess ? rotate.data : null
  const title = `Rotate the token of ${gateway.name}`
  if (rotated) {
    return (
      <Dialog
        title={title}
        onDismiss={onClose}
        footer={
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        }
      >
        <Alert tone="success">
          <span data-testid="rotation-done">
            {gateway.name} now uses a new token, set{' '}
            {rotated.token_set_at === null ? 'just now' : tokenAge(rotated.token_set_at, now)}. The old one no
            longer works.
          </span>
        </Alert>
      </Dialog>
    )
  }

  return (
    <Dialog
      title={title}
      description="A new token replaces the current one; the gateway keeps its old token if anything goes wrong."
      className="max-w-lg"
      busy={rotate.isPending}
      onDismiss={onClose}
      footer={
        <DialogActions onCancel={onClose} pending={rotate.isPending}>
          <Button variant="primary" disabled={rotate.isPending} onClick={() => rotate.mutate(mode)}>
            {rotate.isPending ? 'Rotating…' : 'Rotate token'}
          </Button>
        </DialogActions>
      }
    >
      <div className="space-y-3">
        <RotationModeChoice
          value={mode}
          disabled={rotate.isPending}
          onChange={(next) => {
            setMode(next)
            rotate.reset()
          }}
        />
        {rotate.isPending && (
          <div
            data-testid="rotation-progress"
            className="flex items-center gap-2 text-muted-foreground text-xs"
          >
            <Spinner label="Rotating" />
            {PROGRESS[mode]}
          </div>
        )}
        {rotate.isError && (
          <RotationError
            error={rotate.error}
            onSwitchToManual={
              mode === 'auto'
                ? () => {
                    setMode('manual')
                    rotate.reset()
                  }
                : null
            }
          />
        )}
      </div>
    </Dialog>
  )
}
