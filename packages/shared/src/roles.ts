import { z } from 'zod'

/** Ordered from least to most privileged: each role can do everything the ones before it can. */
export const ROLES = ['viewer', 'operator', 'admin'] as const
export const roleSchema = z.enum(ROLES)
export type Role = z.infer<typeof roleSchema>

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum)
}

/** The less privileged of two roles. */
export function lowerRole(a: Role, b: Role): Role {
  return roleAtLeast(a, b) ? b : a
}
