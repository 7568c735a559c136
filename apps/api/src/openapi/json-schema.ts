import { z } from 'zod'

export type JsonSchema = Record<string, unknown>

/**
 * A zod contract as the JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) of what crosses the wire:
 * `input` for what a client sends (before defaults and transforms), `output` for what the API
 * answers. A part JSON Schema cannot express (a transform's result) is described as "anything".
 */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema
  return json
}

function hasLocalRef(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasLocalRef)
  if (value === null || typeof value !== 'object') return false
  return Object.entries(value).some(
    ([key, inner]) =>
      (key === '$ref' && typeof inner === 'string' && inner.startsWith('#')) || hasLocalRef(inner),
  )
}

function rebaseRefs(value: unknown, base: string): unknown {
  if (Array.isArray(value)) return value.map((inner) => rebaseRefs(inner, base))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#')
        ? [key, `${base}${inner.slice(1)}`]
        : [key, rebaseRefs(inner, base)],
    ),
  )
}

/**
 * Where the document keeps schemas. zod writes a recursive schema with references to its own root
 * (`#`, `#/$defs/…`), which inside the document would point at the document's root instead: such a
 * schema becomes a component under `name`, its references rebased there, and is used by `$ref`.
 */
export function createSchemaStore() {
  const components: Record<string, JsonSchema> = {}
  return {
    components,
    add(name: string, schema: JsonSchema): JsonSchema {
      if (name in components) throw new Error(`two schemas would be the component ${name}`)
      components[name] = schema
      return { $ref: `#/components/schemas/${name}` }
    },
    /** The schema to write in place: itself, or a `$ref` to the component it had to become. */
    place(name: string, schema: JsonSchema): JsonSchema {
      if (!hasLocalRef(schema)) return schema
      return this.add(name, rebaseRefs(schema, `#/components/schemas/${name}`) as JsonSchema)
    },
  }
}

export type SchemaStore = ReturnType<typeof createSchemaStore>
