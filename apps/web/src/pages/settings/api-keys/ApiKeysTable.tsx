import type { ApiKey } from '@mc/shared'
import { Badge } from '../../../components/Badge.tsx'
import { Button } from '../../../components/Button.tsx'
import { RoleBadge } from '../../../components/RoleBadge.tsx'
import { Table, TableHead, Td, Tr } from '../../../components/Table.tsx'
import { TimeCell } from '../../../components/TimeCell.tsx'
import { cx } from '../../../lib/class-names.ts'
import { formatDateTime } from '../../../lib/time.ts'
import { useNowSeconds } from '../../../lib/use-now.ts'

/** Every key, revoked ones greyed: never a secret, only the prefix that tells keys apart. */
export function ApiKeysTable({ apiKeys, onRevoke }: { apiKeys: ApiKey[]; onRevoke: (key: ApiKey) => void }) {
  const now = useNowSeconds()
  return (
    <Table aria-label="API keys">
      <TableHead
        columns={[
          'Name',
          'Key',
          'Role',
          'Owner',
          'Created',
          'Last used',
          'Status',
          { label: <span className="sr-only">Actions</span> },
        ]}
      />
      <tbody>
        {apiKeys.map((apiKey) => {
          const revoked = apiKey.revoked_at !== null
          return (
            <Tr
              key={apiKey.id}
              data-key-name={apiKey.name}
              data-status={revoked ? 'revoked' : 'active'}
              className={cx(revoked && 'text-muted-foreground opacity-60')}
            >
              <Td className="whitespace-nowrap font-medium text-sm">{apiKey.name}</Td>
              <Td className="whitespace-nowrap font-mono" data-field="prefix">
                {apiKey.prefix}…
              </Td>
              <Td>
                <RoleBadge role={apiKey.role} />
              </Td>
              <Td className="text-muted-foreground">
                {apiKey.owner ?? (apiKey.automation ? 'automation (MC_API_KEY)' : 'none (refused)')}
              </Td>
              <TimeCell at={apiKey.created_at} show="date" />
              <TimeCell at={apiKey.last_used_at} show="age" now={now} />
              <Td
                className="whitespace-nowrap"
                title={
                  apiKey.revoked_at === null ? undefined : `Revoked ${formatDateTime(apiKey.revoked_at)}`
                }
              >
                <Badge variant={revoked ? 'neutral' : 'success'}>{revoked ? 'revoked' : 'active'}</Badge>
              </Td>
              <Td className="text-right">
                {!revoked && (
                  <Button className="h-7" onClick={() => onRevoke(apiKey)}>
                    Revoke
                  </Button>
                )}
              </Td>
            </Tr>
          )
        })}
      </tbody>
    </Table>
  )
}
