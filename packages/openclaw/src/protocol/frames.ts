import { z } from 'zod'
import { isRecord } from './is-record.ts'

// Inbound frames are parsed loosely: the gateway adds fields over time and a monitor must not break
// on them. Only what this package reads is required.

export const errorShapeSchema = z.looseObject({
  code: z.string(),
  message: z.string().catch(''),
  details: z.unknown().optional(),
  retryable: z.boolean().optional().catch(undefined),
  retryAfterMs: z.number().nonnegative().optional().catch(undefined),
})

export const requestFrameSchema = z.looseObject({
  type: z.literal('req'),
  id: z.string().min(1),
  method: z.string().min(1),
  params: z.unknown().optional(),
})

export const responseFrameSchema = z.looseObject({
  type: z.literal('res'),
  id: z.string(),
  ok: z.boolean(),
  payload: z.unknown().optional(),
  error: errorShapeSchema.optional(),
})

export const eventFrameSchema = z.looseObject({
  type: z.literal('event'),
  event: z.string(),
  payload: z.unknown().optional(),
  seq: z.int().nonnegative().optional().catch(undefined),
})

export type ErrorShape = z.infer<typeof errorShapeSchema>
export type RequestFrame = z.infer<typeof requestFrameSchema>
export type ResponseFrame = z.infer<typeof responseFrameSchema>
export type EventFrame = z.infer<typeof eventFrameSchema>

const frameSchema = z.discriminatedUnion('type', [requestFrameSchema, responseFrameSchema, eventFrameSchema])

export type Frame = z.infer<typeof frameSchema>

/**
 * `frame` for a well-formed frame; `unknown-type` for a JSON object whose `type` is a string this
 * package does not know (a newer gateway may add some); `not-json` or `not-frame` for anything else.
 */
export type ParsedFrame =
  | { kind: 'frame'; frame: Frame }
  | { kind: 'unknown-type' }
  | { kind: 'not-json' }
  | { kind: 'not-frame' }

export function parseFrame(text: string): ParsedFrame {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { kind: 'not-json' }
  }
  const parsed = frameSchema.safeParse(value)
  if (parsed.success) return { kind: 'frame', frame: parsed.data }
  const type = isRecord(value) ? value.type : undefined
  const known = type === 'req' || type === 'res' || type === 'event'
  return typeof type === 'string' && !known ? { kind: 'unknown-type' } : { kind: 'not-frame' }
}
