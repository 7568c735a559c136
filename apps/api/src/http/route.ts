import type { Handler } from 'hono'
import type { z } from 'zod'
import type { Authenticator } from '../auth/authenticate.ts'
import type { Access } from '../auth/authorize.ts'
import type { AppEnv } from './app-env.ts'

/** An answer that is not JSON: an event stream, an SVG badge, an HTML page, the metrics text. */
export interface OtherMedia {
  contentType: string
  description: string
}

/**
 * What the OpenAPI document says of a route. The schemas are the zod contracts the handler parses
 * and answers with, so the document cannot drift from the code without a test noticing.
 */
export interface RouteDoc {
  /** One line for the reference, e.g. "List gateways". */
  summary: string
  description?: string
  /** Path parameters (`:id` …), as they are written in the URL. */
  params?: z.ZodObject
  query?: z.ZodObject
  body?: z.ZodType
  /** Answers other than errors, by status: a zod schema for JSON, or another media type. */
  responses: Partial<Record<number, z.ZodType | OtherMedia>>
  /**
   * Error statuses this route answers (`{ error, details? }`) beyond those every route may: 400 for
   * bad input where it takes any (and 413 where it takes a body), 401/403/429 by its access, 500 and 503.
   */
  errors?: number[]
  /**
   * The credentials this route takes, when not the usual ones of its access (an API key or a
   * signed-in session for a role, none for a public route): e.g. `['metricsToken']`.
   */
  security?: SecuritySchemeName[]
}

/** The ways to authenticate the OpenAPI document describes (its `components.securitySchemes`). */
export type SecuritySchemeName = 'apiKey' | 'bearerApiKey' | 'signInCookie' | 'metricsToken'

/**
 * One endpoint: where it lives, who may call it, what it does. Every route of the app is one of
 * these, so its access rule is declared next to it, the authorization test can list them all, and
 * the OpenAPI document describes each one.
 */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Below the mount point: `/api` for the API's routes, `/` for the root's (status pages, metrics). */
  path: string
  access: Access
  /**
   * Who the caller is, when this route admits a credential of its own besides the usual ones
   * (`/metrics` takes METRICS_TOKEN); the app's authenticator otherwise.
   */
  authenticate?: Authenticator
  handler: Handler<AppEnv>
  doc: RouteDoc
}
