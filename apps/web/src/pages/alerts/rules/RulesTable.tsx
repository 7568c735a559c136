import { type AlertChannel, type AlertRule, alertRuleKinds } from '@mc/shared'
import { RowActions } from '../../../components/RowActions.tsx'
import { Table, TableHead, Td, Tr } from '../../../components/Table.tsx'
import { describeParams } from '../../../lib/rule-form.ts'
import { formatDuration } from '../../../lib/time.ts'
import { SeverityIcon } from '../../incidents/IncidentMarks.tsx'

interface RulesTableProps {
  rules: AlertRule[]
  channels: readonly AlertChannel[]
  gatewayNames: ReadonlyMap<number, string>
  onEdit: (rule: AlertRule) => void
  onDelete: (rule: AlertRule) => void
}

const names = (ids: readonly number[], byId: (id: number) => string | undefined) =>
  ids.map((id) => byId(id) ?? `#${id}`).join(', ')

export function RulesTable({ rules, channels, gatewayNames, onEdit, onDelete }: RulesTableProps) {
  const channelName = (id: number) => channels.find((channel) => channel.id === id)?.name
  return (
    <Table aria-label="Rules">
      <TableHead
        columns={[
          'Name',
          'Kind',
          'Parameters',
          'Scope',
          'Channels',
          'Repeat',
          'Enabled',
          { label: '', className: 'w-1' },
        ]}
      />
      <tbody>
        {rules.map((rule) => {
          const { gateway_ids, agent_names } = rule.scope
          const scope =
            gateway_ids.length > 0
              ? names(gateway_ids, (id) => gatewayNames.get(id))
              : agent_names.length > 0
                ? agent_names.join(', ')
                : `every ${alertRuleKinds[rule.kind].subject}`
          return (
            <Tr key={rule.id} data-rule={rule.name}>
              <Td className="font-medium">{rule.name}</Td>
              <Td className="whitespace-nowrap">
                <span className="inline-flex items-center gap-1.5">
                  <SeverityIcon severity={rule.severity} />
                  {alertRuleKinds[rule.kind].label}
                </span>
              </Td>
              <Td className="font-mono text-muted-foreground">{describeParams(rule.params)}</Td>
              <Td className="max-w-40 truncate" title={scope}>
                {scope}
              </Td>
              <Td className="max-w-40 truncate">
                {rule.channel_ids.length > 0 ? (
                  names(rule.channel_ids, channelName)
                ) : (
                  <span className="text-muted-foreground">none</span>
                )}
              </Td>
              <Td className="whitespace-nowrap text-muted-foreground">
                {rule.repeat_every_s === null ? 'once' : `every ${formatDuration(rule.repeat_every_s)}`}
              </Td>
              <Td>{rule.enabled ? 'yes' : <span className="text-muted-foreground">no</span>}</Td>
              <Td>
                <RowActions onEdit={() => onEdit(rule)} onDelete={() => onDelete(rule)} />
              </Td>
            </Tr>
          )
        })}
      </tbody>
    </Table>
  )
}
