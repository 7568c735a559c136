import type { ReactNode } from 'react'
import { Brand } from './Brand.tsx'
import { SystemStatusIndicator } from './SystemStatusIndicator.tsx'

/** The frame for screens outside the app (signing in, checking the sign-in): brand, status, content. */
export function BareLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-12 shrink-0 items-center justify-between border-b bg-card/60 px-4 md:px-6">
        <Brand />
        <SystemStatusIndicator linked={false} />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-[12vh] pb-12">{children}</main>
    </div>
  )
}
