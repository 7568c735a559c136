import type { ModelPrice } from '@mc/shared'
import { useState } from 'react'
import { useSaveModelPrice } from '../../api/usage.ts'
import { errorMessage } from '../../lib/error-message.ts'
import { formErrors } from '../../lib/form-errors.ts'

const FIELDS = ['input_usd_per_mtok', 'output_usd_per_mtok'] as const

/**
 * A typed price as sent. Blank or not a number becomes NaN, which JSON sends as null: the API
 * refuses it with its own message ("must be a number…") under the field.
 */
const dollarsOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

/**
 * The two prices of one model as typed, saved with `PUT /api/model-prices/:model`; the API's
 * messages land under the field they are about.
 */
export function usePriceForm(initial?: Pick<ModelPrice, 'input_usd_per_mtok' | 'output_usd_per_mtok'>) {
  const save = useSaveModelPrice()
  const [input, setInput] = useState(initial ? String(initial.input_usd_per_mtok) : '')
  const [output, setOutput] = useState(initial ? String(initial.output_usd_per_mtok) : '')
  const errors = formErrors(save.error, FIELDS, errorMessage)
  const submit = (model: string, onSaved: () => void) =>
    save.mutate(
      {
        model: model.trim(),
        price: { input_usd_per_mtok: dollarsOf(input), output_usd_per_mtok: dollarsOf(output) },
      },
      { onSuccess: onSaved },
    )
  return { input, setInput, output, setOutput, errors, submit, pending: save.isPending, reset: save.reset }
}
