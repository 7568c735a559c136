import { z } from 'zod'
import { gatewaySchema } from './gateways.ts'
import { unixSecondsSchema } from './time.ts'

/** TOKEN_MAX_AGE_DAYS's default: an older token is stale (shown so, and a `token_stale` incident). */
export const DEFAULT_TOKEN_MAX_AGE_DAYS = 90

export const TOKEN_ROTATION_MODES = ['auto', 'manual'] as const
export const tokenRotationModeSchema = z.enum(TOKEN_ROTATION_MODES)
export type TokenRotationMode = z.infer<typeof tokenRotationModeSchema>

/** `POST /api/gateways/:id/rotate-token` (admin). */
export const rotateTokenRequestSchema = z.strictObject({ mode: tokenRotationModeSchema })
export type RotateTokenRequest = z.infer<typeof rotateTokenRequestSchema>

/** `auto`: the gateway took the new token (over `config.patch`) and a probe with it succeeded; it is stored. */
export const autoRotationResponseSchema = z.object({ mode: z.literal('auto'), gateway: gatewaySchema })
/**
 * `manual`: the new token is shown this once, with the command its owner runs on the gateway's host;
 * it waits as pending until a probe finds the gateway takes it.
 */
export const manualRotationResponseSchema = z.object({
  mode: z.literal('manual'),
  gateway: gatewaySchema,
  /** Shown once, never again: not stored in the clear, never logged. */
  token: z.string(),
  /** e.g. `openclaw config set gateway.auth.token '<token>'`. */
  command: z.string(),
  expires_at: unixSecondsSchema,
})
/** `POST /api/gateways/:id/rotate-token`'s answer, by mode. */
export const rotateTokenResponseSchema = z.discriminatedUnion('mode', [
  autoRotationResponseSchema,
  manualRotationResponseSchema,
])
export type RotateTokenResponse = z.infer<typeof rotateTokenResponseSchema>

/** Why an automatic rotation stopped; the gateway keeps its old token in every case. */
export const TOKEN_ROTATION_FAILURES = [
  /** A rotation of this gateway is already running (409). */
  'busy',
  /** The gateway has no token to log in with (409). */
  'no_token',
  /** The gateway did not grant `operator.admin` (only over direct loopback): use `manual` (409). */
  'no_admin_scope',
  /** Could not reach or log in to the gateway (502). */
  'unreachable',
  /** The gateway refused `config.patch` (502). */
  'patch_refused',
  /** The gateway took the token but a probe with it failed: the old one was put back (502). */
  'verify_failed',
] as const
export type TokenRotationFailure = (typeof TOKEN_ROTATION_FAILURES)[number]

/** The `details` of a failed rotation's error answer. */
export const tokenRotationErrorDetailsSchema = z.object({
  reason: z.enum(TOKEN_ROTATION_FAILURES),
  /** `manual` where an automatic rotation cannot work. */
  suggest: tokenRotationModeSchema.optional(),
})
