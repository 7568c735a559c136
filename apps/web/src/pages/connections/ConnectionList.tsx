import type { DirectConnection } from '@mc/shared'
import { useDisconnect } from '../../api/connections.ts'
import { useRole } from '../../auth/use-role.ts'
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx'
import { useConfirmation } from '../../lib/use-confirmation.ts'
import { useNowSeconds } from '../../lib/use-now.ts'
import { ConnectionCard } from './ConnectionCard.tsx'

/** Connection cards with ticking ages and, for operators, End connection behind a confirmation. */
export function ConnectionList({ connections }: { connections: readonly DirectConnection[] }) {
  const now = useNowSeconds(1000)
  const { can } = useRole()
  const disconnect = useDisconnect()
  const confirming = useConfirmation<DirectConnection>(disconnect.reset)
  const target = confirming.target
  return (
    <>
      <div className="space-y-2">
        {connections.map((connection) => (
          <ConnectionCard
            key={connection.connection_id}
            connection={connection}
            now={now}
            onEnd={can('operator') ? confirming.ask : undefined}
          />
        ))}
      </div>
      {target && (
        <ConfirmDialog
          title={`End the connection of ${target.agent_name}?`}
          description={
            <>
              Closes <span className="font-mono">{target.connection_id}</span> ({target.tool_name}). The
              tool's next heartbeat is refused, so it stops reporting until it connects again.
            </>
          }
          confirmLabel="End connection"
          pending={disconnect.isPending}
          error={disconnect.error}
          onCancel={confirming.close}
          onConfirm={() => disconnect.mutate(target.connection_id, { onSuccess: confirming.close })}
        />
      )}
    </>
  )
}
