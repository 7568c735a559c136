import { useState } from 'react'
import { InlineForm } from '../../components/InlineForm.tsx'
import { TextField } from '../../components/TextField.tsx'
import { usePriceForm } from './use-price-form.ts'

/** A model not listed yet, with its two prices (an existing name replaces that model's prices). */
export function AddModelPriceForm() {
  const [model, setModel] = useState('')
  const form = usePriceForm()
  const submit = () =>
    form.submit(model, () => {
      setModel('')
      form.setInput('')
      form.setOutput('')
      form.reset()
    })
  return (
    <InlineForm
      label="Add price"
      title="Add a model"
      columns="sm:grid-cols-[1fr_9rem_9rem_auto]"
      onSubmit={submit}
      pending={form.pending}
      pendingLabel="Saving…"
      error={form.errors.form}
    >
      <TextField
        label="Model"
        name="model"
        autoComplete="off"
        spellCheck={false}
        placeholder="e.g. claude-sonnet-4-5"
        required
        value={model}
        onChange={(event) => setModel(event.target.value)}
      />
      <TextField
        label="Input $ / M tokens"
        name="input_usd_per_mtok"
        inputMode="decimal"
        error={form.errors.fields.input_usd_per_mtok}
        value={form.input}
        onChange={(event) => form.setInput(event.target.value)}
      />
      <TextField
        label="Output $ / M tokens"
        name="output_usd_per_mtok"
        inputMode="decimal"
        error={form.errors.fields.output_usd_per_mtok}
        value={form.output}
        onChange={(event) => form.setOutput(event.target.value)}
      />
    </InlineForm>
  )
}
