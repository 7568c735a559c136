import { z } from 'zod'

// The `hello-ok` payload. Loose, with defaults, so a gateway that drops or adds a field still lets us
// in: only `server.version` is needed to call a gateway online.
export const helloOkSchema = z.looseObject({
  type: z.literal('hello-ok'),
  protocol: z.int(),
  server: z.looseObject({
    version: z.string().min(1),
    connId: z.string().optional(),
    buildId: z.string().optional(),
    bootId: z.string().optional(),
  }),
  features: z
    .looseObject({
      methods: z.array(z.string()).catch([]),
      events: z.array(z.string()).catch([]),
    })
    .catch({ methods: [], events: [] }),
  snapshot: z.record(z.string(), z.unknown()).catch({}),
  auth: z
    .looseObject({
      method: z.string().optional(),
      role: z.string().optional(),
      scopes: z.array(z.string()).optional(),
    })
    .optional()
    .catch(undefined),
  policy: z
    .looseObject({
      maxPayload: z.number().optional(),
      maxBufferedBytes: z.number().optional(),
      tickIntervalMs: z.number().positive().optional(),
    })
    .catch({}),
})

export type HelloOk = z.infer<typeof helloOkSchema>

/** What a client keeps of hello-ok after the handshake: all but the snapshot. */
export type HelloInfo = Pick<HelloOk, 'type' | 'protocol' | 'server' | 'features' | 'auth' | 'policy'>
