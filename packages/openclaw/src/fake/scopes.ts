import type { OPERATOR_SCOPES } from '../protocol/constants.ts'

export type OperatorScope = (typeof OPERATOR_SCOPES)[number]

// As on the real gateway: admin covers write and read, write covers read.
const RANK: Record<OperatorScope, number> = { 'operator.read': 1, 'operator.write': 2, 'operator.admin': 3 }

export function hasScope(granted: readonly string[], required: OperatorScope): boolean {
  return granted.some((scope) => scope in RANK && RANK[scope as OperatorScope] >= RANK[required])
}

export function missingScopeError(required: OperatorScope) {
  return {
    code: 'FORBIDDEN',
    message: `missing scope: ${required}`,
    details: { code: 'MISSING_SCOPE', missingScope: required, requiredScopes: [required] },
  }
}
