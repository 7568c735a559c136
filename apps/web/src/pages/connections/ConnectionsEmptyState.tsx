import { EmptyState } from '../../components/EmptyState.tsx'
import { ConnectionsIcon } from '../../layout/icons.tsx'
import { connectCommands } from './connect-commands.ts'

/** No connection (matching): how tools connect, with the seed's request and the repo's wrapper. */
export function ConnectionsEmptyState({ filtered }: { filtered: boolean }) {
  if (filtered) {
    return (
      <EmptyState
        icon={<ConnectionsIcon />}
        title="No connections match these filters"
        description="Agent and tool match exact names. Try another status, or clear the filters."
      />
    )
  }
  const commands = connectCommands(globalThis.location?.origin ?? 'http://localhost:3000')
  return (
    <EmptyState
      icon={<ConnectionsIcon />}
      title="No direct connections"
      description={
        <>
          CLI tools register with <code className="font-mono text-foreground">POST /api/connect</code> using
          an operator API key (Settings → API keys), then send a heartbeat to{' '}
          <code className="font-mono">POST /api/agents/:id/heartbeat</code> every 30 s; a connection without
          one for 60 s is closed. Or wrap any command in{' '}
          <code className="font-mono text-foreground">mc-agent</code> (in a clone of this repository, after{' '}
          <code className="font-mono">npm ci</code>), which does all of it and disconnects when the command
          ends.
        </>
      }
    >
      <div className="max-w-full space-y-2 text-left">
        <pre className="overflow-x-auto rounded border bg-background p-3 font-mono text-2xs leading-relaxed">
          {commands.curl}
        </pre>
        {/* One long command: it wraps rather than scrolls, so none of it hides past the edge. */}
        <pre className="whitespace-pre-wrap break-all rounded border bg-background p-3 font-mono text-2xs">
          {commands.mcAgent}
        </pre>
      </div>
    </EmptyState>
  )
}
