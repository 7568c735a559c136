import { Table, TableHead, Td, Tr } from '../../../components/Table.tsx'
import { formatTokens, sumTokens, type TokenRow } from '../../../lib/token-usage.ts'

const NUMERIC = 'text-right tabular-nums'
const COLUMNS = [
  'Model',
  { label: 'Input', className: 'text-right' },
  { label: 'Output', className: 'text-right' },
  { label: 'Total', className: 'text-right' },
]

/** Tokens per model, with a total row when there are several models. */
export function TokenTable({ rows }: { rows: readonly TokenRow[] }) {
  const sum = sumTokens(rows)
  return (
    <Table aria-label="Token usage per model">
      <TableHead columns={COLUMNS} />
      <tbody>
        {rows.map((row) => (
          <Tr key={row.model} data-model={row.model}>
            <Td className="font-mono">{row.model}</Td>
            <Td className={NUMERIC} data-field="input">
              {formatTokens(row.input)}
            </Td>
            <Td className={NUMERIC} data-field="output">
              {formatTokens(row.output)}
            </Td>
            <Td className={NUMERIC}>{formatTokens(row.total)}</Td>
          </Tr>
        ))}
        {rows.length > 1 && (
          <Tr className="font-medium">
            <Td>All models</Td>
            <Td className={NUMERIC}>{formatTokens(sum.input)}</Td>
            <Td className={NUMERIC}>{formatTokens(sum.output)}</Td>
            <Td className={NUMERIC}>{formatTokens(sum.total)}</Td>
          </Tr>
        )}
      </tbody>
    </Table>
  )
}
