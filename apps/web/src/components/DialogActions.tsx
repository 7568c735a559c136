import type { ReactNode } from 'react'
import { Button } from './Button.tsx'

interface DialogActionsProps {
  onCancel: () => void
  /** The action is running: Cancel waits for it. */
  pending: boolean
  /** The dialog's own action button(s), after Cancel. */
  children: ReactNode
}

/** A dialog's footer buttons: Cancel, then what the dialog is for. */
export function DialogActions({ onCancel, pending, children }: DialogActionsProps) {
  return (
    <>
      <Button onClick={onCancel} disabled={pending}>
        Cancel
      </Button>
      {children}
    </>
  )
}
