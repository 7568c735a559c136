import { type FieldIssue, idTextSchema, MAX_ID } from '@mc/shared'
import type { Context } from 'hono'
import { z } from 'zod'
import { HttpError } from './http-error.ts'
import { findUnstorable } from './storable-json.ts'

/** zod issues as `{ path, message }`, one per unknown field too, for forms to show next to inputs. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.')
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: 'unknown field' }))
    }
    return [{ path: base, message: issue.message }]
  })
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value)
  if (!result.success) throw new HttpError(400, `invalid ${what}`, fieldIssues(result.error))
  return result.data
}

/**
 * The JSON body checked against `schema`; an empty body counts as `{}` so missing fields are named.
 * Text Postgres cannot store and too deep nesting are refused first, whatever the schema allows.
 */
export async function parseBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  const text = await c.req.text()
  let body: unknown = {}
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text)
    } catch {
      throw new HttpError(400, 'request body is not valid JSON')
    }
  }
  const unstorable = findUnstorable(body)
  if (unstorable) throw new HttpError(400, 'invalid request body', [unstorable])
  return parseWith(schema, body, 'request body')
}

/**
 * A field of an already parsed body checked against a schema of its own (a rule's `params` against
 * its kind, a channel's `config` against its type): issues are named from the body's top.
 */
export function parseBodyField<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issues = fieldIssues(result.error).map((issue) => ({
    path: issue.path ? `${field}.${issue.path}` : field,
    message: issue.message,
  }))
  throw new HttpError(400, 'invalid request body', issues)
}

export function parseQuery<T>(c: Context, schema: z.ZodType<T>): T {
  return parseWith(schema, c.req.query(), 'query')
}

/** Text from the URL as a row id; anything else is a 400 rather than a lookup that cannot match. */
export function idFromText(raw: string, name = 'id'): number {
  const result = idTextSchema.safeParse(raw)
  if (!result.success) {
    throw new HttpError(400, `${name} must be a whole number from 1 to ${MAX_ID}`, [
      { path: name, message: 'not a valid id' },
    ])
  }
  return result.data
}

/** The path's `:id` as parseId reads it, for the docs of routes that take one. */
export const idParamsSchema = z.object({ id: idTextSchema })

/** A numeric id from the path. */
export function parseId(c: Context, name = 'id'): number {
  return idFromText(c.req.param(name) ?? '', name)
}
