import type { ModelPrice } from '@mc/shared'
import { useState } from 'react'
import { useDeleteModelPrice, useModelPrices } from '../../api/usage.ts'
import { useRole } from '../../auth/use-role.ts'
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'
import { Panel } from '../../components/Panel.tsx'
import { QueryView } from '../../components/QueryView.tsx'
import { RowActions } from '../../components/RowActions.tsx'
import { Table, TableHead, Td, Tr } from '../../components/Table.tsx'
import { TimeCell } from '../../components/TimeCell.tsx'
import { useConfirmation } from '../../lib/use-confirmation.ts'
import { AddModelPriceForm } from './AddModelPriceForm.tsx'
import { ModelPriceEditRow } from './ModelPriceEditRow.tsx'

const right = (label: string) => ({ label, className: 'text-right' })
const COLUMNS = ['Model', right('Input $ / M tokens'), right('Output $ / M tokens')]
const NUMBER = 'whitespace-nowrap text-right tabular-nums'
const dollars = (value: number) => `$${value.toLocaleString('en', { maximumFractionDigits: 4 })}`

/**
 * What each model costs per million tokens: the prices that turn CLI agents' token counts into
 * dollars. Everyone reads it; admins edit, add and delete rows in place.
 */
export function ModelPricesPanel() {
  const prices = useModelPrices()
  const remove = useDeleteModelPrice()
  const { can } = useRole()
  const admin = can('admin')
  const [editing, setEditing] = useState<string | null>(null)
  const confirm = useConfirmation<ModelPrice>(remove.reset)
  const columns = admin ? [...COLUMNS, 'Updated', right('')] : [...COLUMNS, 'Updated']
  return (
    <Panel
      id="model-prices"
      title="Model prices"
      description="US dollars per million tokens; they price CLI agents' usage (gateways report their own cost)"
    >
      {admin && <AddModelPriceForm />}
      <QueryView
        query={prices}
        errorTitle="Could not load the model prices"
        isEmpty={(data) => data.prices.length === 0}
        empty={<EmptyState title="No prices" description="Without a price, a model's usage counts as $0." />}
      >
        {(data) => (
          <Table aria-label="Model prices">
            <TableHead columns={columns} />
            <tbody>
              {data.prices.map((price) =>
                editing === price.model ? (
                  <ModelPriceEditRow key={price.model} price={price} onDone={() => setEditing(null)} />
                ) : (
                  <Tr key={price.model} data-model={price.model}>
                    <Td className="whitespace-nowrap font-mono">{price.model}</Td>
                    <Td className={NUMBER}>{dollars(price.input_usd_per_mtok)}</Td>
                    <Td className={NUMBER}>{dollars(price.output_usd_per_mtok)}</Td>
                    <TimeCell at={price.updated_at} show="date" />
                    {admin && (
                      <Td>
                        <RowActions
                          onEdit={() => setEditing(price.model)}
                          onDelete={() => confirm.ask(price)}
                        />
                      </Td>
                    )}
                  </Tr>
                ),
              )}
            </tbody>
          </Table>
        )}
      </QueryView>
      {confirm.target && (
        <ConfirmDialog
          title={`Delete the price of ${confirm.target.model}?`}
          description="Its usage by CLI agents then counts as $0 until a price is added again."
          confirmLabel="Delete price"
          pending={remove.isPending}
          error={remove.error}
          onCancel={confirm.close}
          onConfirm={() => {
            const model = confirm.target?.model
            if (model) remove.mutate(model, { onSuccess: confirm.close })
          }}
        />
      )}
    </Panel>
  )
}
