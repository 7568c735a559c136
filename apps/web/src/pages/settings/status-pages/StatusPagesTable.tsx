import type { StatusPage } from '@mc/shared'
import { Badge } from '../../../components/Badge.tsx'
import { Button } from '../../../components/Button.tsx'
import { RowActions } from '../../../components/RowActions.tsx'
import { Table, TableHead, Td, Tr } from '../../../components/Table.tsx'

interface StatusPagesTableProps {
  pages: StatusPage[]
  onBadges: (page: StatusPage) => void
  onEdit: (page: StatusPage) => void
  onDelete: (page: StatusPage) => void
}

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`

export function StatusPagesTable({ pages, onBadges, onEdit, onDelete }: StatusPagesTableProps) {
  return (
    <Table aria-label="Status pages">
      <TableHead columns={['Title', 'Address', 'Visibility', 'Gateways', { label: '', className: 'w-1' }]} />
      <tbody>
        {pages.map((page) => (
          <Tr key={page.id} data-status-page={page.slug}>
            <Td className="max-w-56 truncate font-medium" title={page.title}>
              {page.title}
            </Td>
            <Td className="font-mono">
              {/* Served by the API, outside this app: a full page load, in a tab of its own. */}
              <a
                href={`/status/${page.slug}`}
                target="_blank"
                rel="noopener noreferrer"
                className="text-primary hover:underline"
              >
                /status/{page.slug}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            </Td>
            <Td>
              {page.public ? <Badge variant="success">public</Badge> : <Badge>private</Badge>}
              {page.show_errors && (
                <span className="ml-1.5">
                  <Badge variant="warning">shows errors</Badge>
                </span>
              )}
            </Td>
            <Td className="whitespace-nowrap tabular-nums">{plural(page.gateway_ids.length, 'gateway')}</Td>
            <Td>
              <RowActions onEdit={() => onEdit(page)} onDelete={() => onDelete(page)}>
                {page.public && (
                  <Button className="h-7" onClick={() => onBadges(page)}>
                    Badges
                  </Button>
                )}
              </RowActions>
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
