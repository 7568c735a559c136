import { useAlertDeliveries } from '../../../api/alerts.ts'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { LoadMore } from '../../../components/LoadMore.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { QueryView } from '../../../components/QueryView.tsx'
import { RefreshActions } from '../../../components/RefreshActions.tsx'
import { Table, TableHead, Td, Tr } from '../../../components/Table.tsx'
import { formatDateTime } from '../../../lib/time.ts'
import { DeliveryIncidents } from './DeliveryIncidents.tsx'
import { DeliveryOutcome } from './DeliveryOutcome.tsx'

/** Alerts → Deliveries (admin): every attempt to send, newest first, exactly as it went. */
export function DeliveriesPanel() {
  const log = useAlertDeliveries()
  return (
    <Panel
      id="deliveries-heading"
      title="Deliveries"
      description="Each attempt to deliver a notification or a test: channel, incidents, attempt, outcome"
      actions={<RefreshActions log={log} />}
    >
      <QueryView
        query={log}
        errorTitle="Could not load the deliveries"
        isEmpty={(data) => data.pages.every((page) => page.deliveries.length === 0)}
        empty={
          <EmptyState
            title="Nothing sent yet"
            description="Notifications and tests appear here with each attempt's status, duration and error."
          />
        }
      >
        {(data) => {
          const deliveries = data.pages.flatMap((page) => page.deliveries)
          return (
            <>
              <Table aria-label="Deliveries">
                <TableHead
                  columns={['Time', 'Channel', 'Event', 'Incidents', 'Attempt', 'Outcome', 'Reply']}
                />
                <tbody>
                  {deliveries.map((delivery) => (
                    <Tr key={delivery.id} data-delivery={delivery.id} data-ok={delivery.ok}>
                      <Td className="whitespace-nowrap font-mono text-muted-foreground">
                        {formatDateTime(delivery.at)}
                      </Td>
                      <Td className="font-medium">{delivery.channel_name}</Td>
                      <Td className="font-mono">{delivery.event}</Td>
                      <Td className="max-w-32 truncate">
                        <DeliveryIncidents incidentIds={delivery.incident_ids} />
                      </Td>
                      <Td className="tabular-nums">{delivery.attempt}</Td>
                      <Td className="max-w-72">
                        <DeliveryOutcome delivery={delivery} />
                      </Td>
                      <Td
                        className="max-w-40 truncate font-mono text-muted-foreground"
                        title={delivery.reply ?? undefined}
                      >
                        {delivery.reply ?? '—'}
                      </Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
              <LoadMore
                query={log}
                count={`${deliveries.length} ${deliveries.length === 1 ? 'delivery' : 'deliveries'}`}
                end="the whole log"
                testId="deliveries-count"
              />
            </>
          )
        }}
      </QueryView>
    </Panel>
  )
}
