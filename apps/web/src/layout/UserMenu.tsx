import { useCallback, useId, useRef, useState } from 'react'
import { useMe } from '../api/auth.ts'
import { useSignOut } from '../auth/use-sign-out.ts'
import { Alert } from '../components/Alert.tsx'
import { RoleBadge } from '../components/RoleBadge.tsx'
import { errorMessage } from '../lib/error-message.ts'
import { useDismiss } from '../lib/use-dismiss.ts'
import { ChevronDownIcon, SignOutIcon } from './icons.tsx'

/** Who is signed in, with which role, and the way out: a disclosure button in the header. */
export function UserMenu() {
  const principal = useMe().data?.principal
  const signOut = useSignOut()
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const panelId = useId()
  useDismiss(
    root,
    open,
    useCallback(() => setOpen(false), []),
  )
  if (!principal) return null

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        data-testid="user-menu"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex h-7 items-center gap-2 rounded-md border bg-card px-2 text-xs transition-colors hover:bg-accent"
      >
        <span
          aria-hidden="true"
          className="flex size-5 items-center justify-center rounded-full bg-primary/20 font-semibold text-2xs text-primary uppercase"
        >
          {principal.name.slice(0, 1)}
        </span>
        <span className="max-w-32 truncate font-medium max-sm:sr-only">{principal.name}</span>
        <span className="max-sm:hidden">
          <RoleBadge role={principal.role} />
        </span>
        <ChevronDownIcon className="size-3.5 text-muted-foreground" />
      </button>
      {open && (
        <div
          id={panelId}
          className="absolute top-full right-0 z-20 mt-1.5 w-60 rounded-md border bg-popover p-1 shadow-xl"
        >
          <div className="px-2.5 py-2">
            <p className="text-2xs text-muted-foreground uppercase tracking-wide">Signed in as</p>
            <p className="mt-0.5 truncate font-medium text-sm">{principal.name}</p>
            <p className="mt-1 text-muted-foreground text-xs">
              Role: <span data-testid="user-role">{principal.role}</span>
            </p>
          </div>
          {signOut.isError && (
            <Alert className="mx-1 mb-1">Could not sign out: {errorMessage(signOut.error)}</Alert>
          )}
          <div className="border-t pt-1">
            <button
              type="button"
              onClick={signOut.signOut}
              disabled={signOut.isPending}
              className="flex w-full items-center gap-2 rounded px-2.5 py-1.5 text-left text-sm transition-colors hover:bg-accent disabled:opacity-50"
            >
              <SignOutIcon className="size-4 text-muted-foreground" />
              {signOut.isPending ? 'Signing out…' : 'Sign out'}
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
