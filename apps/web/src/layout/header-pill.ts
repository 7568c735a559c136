/** The look of the header's status pills (relay, event stream, services, fleet). */
export const HEADER_PILL =
  'flex min-w-0 items-center gap-2 rounded-md border bg-card px-2.5 py-1 text-muted-foreground text-xs transition-colors'
