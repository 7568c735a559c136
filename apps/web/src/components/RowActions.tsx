import type { ReactNode } from 'react'
import { Button } from './Button.tsx'

interface RowActionsProps {
  onEdit: () => void
  onDelete: () => void
  /** Buttons before Edit (e.g. "Send test"). */
  children?: ReactNode
}

/** The right-hand cell's buttons of an admin list row: anything extra, then Edit and Delete. */
export function RowActions({ onEdit, onDelete, children }: RowActionsProps) {
  return (
    <div className="flex justify-end gap-1.5">
      {children}
      <Button className="h-7" variant="ghost" onClick={onEdit}>
        Edit
      </Button>
      <Button className="h-7 text-red-400 hover:text-red-300" variant="ghost" onClick={onDelete}>
        Delete
      </Button>
    </div>
  )
}
