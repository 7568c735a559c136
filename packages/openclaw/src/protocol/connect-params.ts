import { z } from 'zod'
import { CLIENT_IDS, CLIENT_MODES } from './constants.ts'

const text = z.string().min(1)

// Mirrors ConnectParams of @openclaw/gateway-protocol: strict, like the gateway, so that the fake
// rejects exactly what the real one rejects and the client's params type cannot drift from it.
export const connectParamsSchema = z.strictObject({
  minProtocol: z.int().min(1),
  maxProtocol: z.int().min(1),
  client: z.strictObject({
    id: z.enum(CLIENT_IDS),
    displayName: text.optional(),
    version: text,
    buildId: text.max(96).optional(),
    platform: text,
    deviceFamily: text.optional(),
    modelIdentifier: text.optional(),
    timeZone: text.max(64).optional(),
    mode: z.enum(CLIENT_MODES),
    instanceId: text.optional(),
  }),
  caps: z.array(text).optional(),
  commands: z.array(text).optional(),
  computerUse: z.unknown().optional(),
  workerRuns: z.record(z.string(), z.unknown()).optional(),
  permissions: z.record(z.string(), z.boolean()).optional(),
  pathEnv: z.string().optional(),
  role: text.optional(),
  scopes: z.array(text).optional(),
  device: z
    .strictObject({
      id: text,
      publicKey: text,
      signature: text,
      signedAt: z.int().min(0),
      nonce: text,
    })
    .optional(),
  auth: z
    .strictObject({
      token: z.string().optional(),
      bootstrapToken: z.string().optional(),
      deviceToken: z.string().optional(),
      password: z.string().optional(),
      approvalRuntimeToken: z.string().optional(),
      agentRuntimeIdentityToken: z.string().optional(),
    })
    .optional(),
  locale: z.string().optional(),
  userAgent: z.string().optional(),
})

export type ConnectParams = z.infer<typeof connectParamsSchema>
