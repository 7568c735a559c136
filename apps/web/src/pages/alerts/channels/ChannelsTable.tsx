import type { AlertChannel } from '@mc/shared'
import { Badge } from '../../../components/Badge.tsx'
import { Button } from '../../../components/Button.tsx'
import { RowActions } from '../../../components/RowActions.tsx'
import { Table, TableHead, Td, Tr } from '../../../components/Table.tsx'
import { channelTarget } from '../../../lib/channel-form.ts'
import { errorMessage } from '../../../lib/error-message.ts'
import { DeliveryOutcome } from '../deliveries/DeliveryOutcome.tsx'

/** What "Send test" last did for a channel: the delivery, or why the request itself failed. */
export type TestResult = { delivery: AlertChannel['last_delivery'] } | { error: unknown }

interface ChannelsTableProps {
  channels: AlertChannel[]
  testing: ReadonlySet<number>
  results: ReadonlyMap<number, TestResult>
  onTest: (channel: AlertChannel) => void
  onEdit: (channel: AlertChannel) => void
  onDelete: (channel: AlertChannel) => void
}

export function ChannelsTable({ channels, testing, results, onTest, onEdit, onDelete }: ChannelsTableProps) {
  return (
    <Table aria-label="Channels">
      <TableHead
        columns={['Name', 'Type', 'Target', 'Enabled', 'Last delivery', { label: '', className: 'w-1' }]}
      />
      <tbody>
        {channels.map((channel) => {
          const result = results.get(channel.id)
          return (
            <Tr key={channel.id} data-channel={channel.name} className="align-top">
              <Td className="font-medium">
                <div className="flex items-center gap-2">
                  {channel.name}
                  {channel.failing && <Badge variant="danger">failing</Badge>}
                </div>
              </Td>
              <Td className="font-mono">{channel.type}</Td>
              <Td
                className="max-w-48 truncate font-mono text-muted-foreground"
                title={channelTarget(channel)}
              >
                {channelTarget(channel)}
                {channel.secret_set && <span className="ml-1.5 font-sans text-2xs">(secret set)</span>}
              </Td>
              <Td>{channel.enabled ? 'yes' : <span className="text-muted-foreground">no</span>}</Td>
              <Td className="max-w-72">
                {channel.last_delivery ? (
                  <DeliveryOutcome delivery={channel.last_delivery} />
                ) : (
                  <span className="text-muted-foreground">none yet</span>
                )}
                {result && (
                  <div data-testid="test-result" className="mt-1">
                    Test:{' '}
                    {'error' in result ? (
                      <span className="text-red-400">{errorMessage(result.error)}</span>
                    ) : (
                      result.delivery && <DeliveryOutcome delivery={result.delivery} />
                    )}
                  </div>
                )}
              </Td>
              <Td>
                <RowActions onEdit={() => onEdit(channel)} onDelete={() => onDelete(channel)}>
                  <Button className="h-7" disabled={testing.has(channel.id)} onClick={() => onTest(channel)}>
                    {testing.has(channel.id) ? 'Sending…' : 'Send test'}
                  </Button>
                </RowActions>
              </Td>
            </Tr>
          )
        })}
      </tbody>
    </Table>
  )
}
