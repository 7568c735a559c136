import type { ModelPrice } from '@mc/shared'
import type { FormEvent } from 'react'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { Input } from '../../components/Input.tsx'
import { Td, Tr } from '../../components/Table.tsx'
import { usePriceForm } from './use-price-form.ts'

const COLUMNS = 5

interface PriceCellProps {
  label: string
  value: string
  onChange: (value: string) => void
  error: string | undefined
  form: string
}

/** One price as a compact input with the API's message under it. */
function PriceCell({ label, value, onChange, error, form }: PriceCellProps) {
  const messageId = `${form}-${label}-message`.replace(/\W+/g, '-')
  return (
    <Td className="text-right align-top">
      <Input
        aria-label={label}
        form={form}
        size="compact"
        inputMode="decimal"
        className="ml-auto block max-w-28 text-right tabular-nums"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? messageId : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <p id={messageId} className="mt-1 text-red-400 text-xs">
          {error}
        </p>
      )}
    </Td>
  )
}

interface ModelPriceEditRowProps {
  price: ModelPrice
  onDone: () => void
}

/** A price row turned into inputs: Save sends it, Cancel (or Escape) leaves it as it was. */
export function ModelPriceEditRow({ price, onDone }: ModelPriceEditRowProps) {
  const form = usePriceForm(price)
  const formId = `price-${price.model}`
  const submit = (event: FormEvent) => {
    event.preventDefault()
    form.submit(price.model, onDone)
  }
  return (
    <>
      <Tr
        data-model={price.model}
        data-editing="true"
        onKeyDown={(event) => event.key === 'Escape' && onDone()}
      >
        <Td className="whitespace-nowrap align-top font-mono">
          {price.model}
          {/* A form cannot wrap table cells: the inputs join it by its id. */}
          <form id={formId} aria-label={`Edit ${price.model}`} onSubmit={submit} />
        </Td>
        <PriceCell
          label="Input $ / M tokens"
          form={formId}
          value={form.input}
          onChange={form.setInput}
          error={form.errors.fields.input_usd_per_mtok}
        />
        <PriceCell
          label="Output $ / M tokens"
          form={formId}
          value={form.output}
          onChange={form.setOutput}
          error={form.errors.fields.output_usd_per_mtok}
        />
        <Td />
        <Td className="align-top">
          <div className="flex justify-end gap-1.5">
            <Button className="h-7" variant="primary" type="submit" form={formId} disabled={form.pending}>
              {form.pending ? 'Saving…' : 'Save'}
            </Button>
            <Button className="h-7" variant="ghost" onClick={onDone}>
              Cancel
            </Button>
          </div>
        </Td>
      </Tr>
      {form.errors.form && (
        <tr>
          <td colSpan={COLUMNS} className="px-3 pb-2">
            <Alert>{form.errors.form}</Alert>
          </td>
        </tr>
      )}
    </>
  )
}
