import { readFile } from 'node:fs/promises'
import { z } from 'zod'

// Just enough of @openclaw/gateway-protocol's protocol.schema.json to build and check request params.
const schemaFile = z.object({
  methods: z.record(z.string(), z.object({ scope: z.string() })),
  definitions: z.record(
    z.string(),
    z.object({
      required: z.array(z.string()).optional(),
      properties: z.record(z.string(), z.unknown()).optional(),
      additionalProperties: z.boolean().optional(),
    }),
  ),
})

export interface PublishedProtocol {
  /** The operator scope a method needs; `dynamic` ones (like sessions.create) count as write. */
  scopeOf(method: string): string
  /** Throws unless `params` has every required property of `definition` and no unknown one. */
  check(definition: string, params: Record<string, unknown>): Record<string, unknown>
}

export async function readPublishedProtocol(path: string): Promise<PublishedProtocol> {
  const schema = schemaFile.parse(JSON.parse(await readFile(path, 'utf8')))
  return {
    scopeOf(method) {
      const scope = schema.methods[method]?.scope
      if (!scope) throw new Error(`${method} is not in the published schema`)
      return scope === 'dynamic' ? 'operator.write' : scope
    },
    check(definition, params) {
      const shape = schema.definitions[definition]
      if (!shape) throw new Error(`${definition} is not in the published schema`)
      const missing = (shape.required ?? []).filter((key) => !(key in params))
      const known = Object.keys(shape.properties ?? {})
      const unknown =
        shape.additionalProperties === false ? Object.keys(params).filter((k) => !known.includes(k)) : []
      if (missing.length || unknown.length) {
        throw new Error(
          `${definition}: missing ${missing.join(', ') || '-'}; unknown ${unknown.join(', ') || '-'}`,
        )
      }
      return params
    },
  }
}
