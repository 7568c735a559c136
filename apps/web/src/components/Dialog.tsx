import { type ReactNode, useEffect, useId, useRef } from 'react'
import { cx } from '../lib/class-names.ts'

interface DialogProps {
  title: string
  description?: ReactNode
  /** Escape, a click on the backdrop, or the browser closing the dialog. */
  onDismiss: () => void
  /** False for a dialog that must be closed with its own buttons (e.g. a secret shown once). */
  dismissible?: boolean
  /** Its action is running: Escape and the backdrop wait too. */
  busy?: boolean
  /** `alertdialog` for confirmations that interrupt to ask about something destructive. */
  role?: 'dialog' | 'alertdialog'
  className?: string
  children?: ReactNode
  /** The buttons row at the bottom. */
  footer?: ReactNode
}

/**
 * A modal on the native `<dialog>`: the browser traps focus, makes the page behind inert and puts
 * focus on the first control. Render it only while it is open; unmounting closes it and focus goes
 * back to whatever opened it.
 */
export function Dialog({
  title,
  description,
  onDismiss,
  dismissible: dismissibleWhenIdle = true,
  busy = false,
  role = 'dialog',
  className,
  children,
  footer,
}: DialogProps) {
  const dismissible = dismissibleWhenIdle && !busy
  const ref = useRef<HTMLDialogElement>(null)
  const opener = useRef<Element | null>(null)
  const titleId = useId()
  const descriptionId = useId()

  useEffect(() => {
    const dialog = ref.current
    opener.current ??= document.activeElement
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      if (opener.current instanceof HTMLElement) opener.current.focus()
    }
  }, [])

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard's way out is Escape (the cancel event)
    <dialog
      ref={ref}
      role={role}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      className={cx(
        'm-auto w-[calc(100%-2rem)] max-w-md rounded-lg border bg-popover p-0 text-popover-foreground shadow-2xl',
        'backdrop:bg-black/60 backdrop:backdrop-blur-[1px]',
        className,
      )}
      onCancel={(event) => {
        event.preventDefault()
        if (dismissible) onDismiss()
      }}
      onClose={() => {
        // Only the browser closes it (we unmount instead): e.g. Escape pressed over and over.
        if (!ref.current?.open && !busy) onDismiss()
      }}
      onClick={(event) => {
        if (dismissible && event.target === event.currentTarget) onDismiss()
      }}
    >
      <div className="p-5">
        <h2 id={titleId} className="font-semibold text-sm">
          {title}
        </h2>
        {description && (
          <div id={descriptionId} className="mt-1.5 text-muted-foreground text-xs leading-relaxed">
            {description}
          </div>
        )}
        {children && <div className="mt-4">{children}</div>}
      </div>
      {footer && (
        <div className="flex flex-wrap justify-end gap-2 border-t bg-card/60 px-5 py-3">{footer}</div>
      )}
    </dialog>
  )
}
