import type { ReactNode } from 'react'

/** Line icons in the usual 24-unit grid, drawn with the current text colour. */
function Icon({ children, className = 'size-4' }: { children: ReactNode; className?: string }) {
  return (
    <svg
      className={className}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  )
}

export function OverviewIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <rect x="3" y="3" width="7" height="9" rx="1.5" />
      <rect x="14" y="3" width="7" height="5" rx="1.5" />
      <rect x="14" y="12" width="7" height="9" rx="1.5" />
      <rect x="3" y="16" width="7" height="5" rx="1.5" />
    </Icon>
  )
}

export function GatewaysIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <rect x="3" y="3" width="18" height="7" rx="2" />
      <rect x="3" y="14" width="18" height="7" rx="2" />
      <path d="M7 6.5h.01M7 17.5h.01" />
    </Icon>
  )
}

export function ConnectionsIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="m4 17 6-6-6-6" />
      <path d="M12 19h8" />
    </Icon>
  )
}

export function AgentsIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <rect x="4" y="8" width="16" height="12" rx="2" />
      <path d="M12 8V4H9" />
      <path d="M9 13v2M15 13v2" />
    </Icon>
  )
}

export function SessionsIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l.9-4.6A8 8 0 1 1 21 12Z" />
      <path d="M8.5 12h.01M12 12h.01M15.5 12h.01" />
    </Icon>
  )
}

export function ToolsIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="M14.7 6.3a4 4 0 0 0-5.4 5.4L3 18l3 3 6.3-6.3a4 4 0 0 0 5.4-5.4l-2.5 2.5-2.4-.6-.6-2.4z" />
    </Icon>
  )
}

export function UsageIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="M3 3v18h18" />
      <path d="M7 15v2M11 11v6M15 7v10M19 12v5" />
    </Icon>
  )
}

export function IncidentsIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="M12 3 2.5 20h19Z" />
      <path d="M12 10v4M12 17h.01" />
    </Icon>
  )
}

export function AlertsIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15Z" />
      <path d="M10 21h4" />
    </Icon>
  )
}

export function SettingsIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="M4 6h9M17 6h3M4 12h2M10 12h10M4 18h11M19 18h1" />
      <circle cx="15" cy="6" r="2" />
      <circle cx="8" cy="12" r="2" />
      <circle cx="17" cy="18" r="2" />
    </Icon>
  )
}

export function BrandMark({ className = 'size-6' }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" className="fill-primary/15" />
      <circle cx="16" cy="16" r="9" fill="none" strokeWidth="2.5" className="stroke-primary" />
      <circle cx="16" cy="16" r="3.5" className="fill-green-500" />
    </svg>
  )
}

export function LockIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </Icon>
  )
}

export function UsersIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20a6.5 6.5 0 0 1 13 0" />
      <path d="M16 4.5a3.5 3.5 0 0 1 0 7M18 14a6.5 6.5 0 0 1 3.5 6" />
    </Icon>
  )
}

export function KeyIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <circle cx="7.5" cy="15.5" r="4.5" />
      <path d="m10.7 12.3 9.3-9.3M16 7l3 3M14 9l2 2" />
    </Icon>
  )
}

export function AuditIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="M6 3h9l4 4v14H6z" />
      <path d="M14 3v5h5M9.5 12h6M9.5 16h6" />
    </Icon>
  )
}

export function ChevronDownIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="m6 9 6 6 6-6" />
    </Icon>
  )
}

export function SignOutIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4" />
      <path d="m16 17 5-5-5-5M21 12H9" />
    </Icon>
  )
}
