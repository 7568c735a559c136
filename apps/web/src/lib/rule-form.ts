import {
  ALERT_SCOPE_OF_SUBJECT,
  type AlertRule,
  type AlertRuleKind,
  alertRuleKinds,
  type CreateAlertRuleRequest,
  type UpdateAlertRuleRequest,
} from '@mc/shared'

/** One parameter of a rule kind, as the form shows it. */
export interface ParamField {
  name: string
  /** Allowed values of a choice (`window`: day, month); absent for a whole number. */
  choices?: readonly string[]
  required: boolean
  /** The kind's default, as text; empty when there is none. */
  defaultText: string
}

/** The parts of a zod schema's definition the form reads (zod 4's `def`), without importing zod. */
interface SchemaDef {
  type: string
  innerType?: { def: SchemaDef }
  entries?: Record<string, string>
}
interface ParamSchema {
  def: SchemaDef
  safeParse(value: unknown): { success: boolean; data?: unknown }
}

/**
 * A kind's parameters from its schema in `alertRuleKinds` (the one source of truth), so a new kind
 * gets its fields without a change here.
 */
export function paramFields(kind: AlertRuleKind): ParamField[] {
  const shape = alertRuleKinds[kind].params.shape as unknown as Record<string, ParamSchema>
  return Object.entries(shape).map(([name, schema]) => {
    let def = schema.def
    while (def.innerType) def = def.innerType.def
    const missing = schema.safeParse(undefined)
    return {
      name,
      choices: def.entries ? Object.values(def.entries) : undefined,
      required: !missing.success,
      defaultText: missing.data === undefined ? '' : String(missing.data),
    }
  })
}

/** What the rule dialog holds, as typed. */
export interface RuleFormValues {
  name: string
  kind: AlertRuleKind
  /** Parameter name → text as typed; empty takes the kind's default. */
  params: Record<string, string>
  /** Gateway and session kinds: the gateways it watches; none means every gateway. */
  gatewayIds: number[]
  /** Agent kinds: names, comma-separated; empty means every agent. */
  agentNames: string
  channelIds: number[]
  /** Seconds, as typed; empty: notify once. */
  repeatEvery: string
  enabled: boolean
}

/** The request fields the dialog shows for `kind`, for the API's 400 details (`params.after_failures`…). */
export function ruleFormFields(kind: AlertRuleKind): string[] {
  return [
    'name',
    'kind',
    'channel_ids',
    'repeat_every_s',
    'enabled',
    'scope',
    'scope.gateway_ids',
    'scope.agent_names',
    ...paramFields(kind).map((field) => `params.${field.name}`),
  ]
}

export const EMPTY_RULE_FORM: RuleFormValues = {
  name: '',
  kind: 'gateway_down',
  params: {},
  gatewayIds: [],
  agentNames: '',
  channelIds: [],
  repeatEvery: '',
  enabled: true,
}

export function ruleFormValues(rule: AlertRule): RuleFormValues {
  return {
    name: rule.name,
    kind: rule.kind,
    params: Object.fromEntries(Object.entries(rule.params).map(([name, value]) => [name, String(value)])),
    gatewayIds: rule.scope.gateway_ids,
    agentNames: rule.scope.agent_names.join(', '),
    channelIds: rule.channel_ids,
    repeatEvery: rule.repeat_every_s === null ? '' : String(rule.repeat_every_s),
    enabled: rule.enabled,
  }
}

/** Text that is no number becomes NaN (sent as null), so the API says what is wrong with it. */
const numberOf = (text: string) => Number(text.trim())

/** The kind's parameters as typed: empty ones are left out (the kind's default applies). */
function paramsOf(values: RuleFormValues): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const field of paramFields(values.kind)) {
    const typed = values.params[field.name]?.trim() ?? ''
    if (typed !== '') params[field.name] = field.choices ? typed : numberOf(typed)
  }
  return params
}

/** Which list of the scope a kind's rules fill: gateways for gateway and session kinds. */
export const scopeList = (kind: AlertRuleKind) => ALERT_SCOPE_OF_SUBJECT[alertRuleKinds[kind].subject]

function scopeOf(values: RuleFormValues): { gateway_ids?: number[]; agent_names?: string[] } {
  if (scopeList(values.kind) === 'gateway_ids') return { gateway_ids: values.gatewayIds }
  const names = values.agentNames
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  return { agent_names: names }
}

const repeatOf = (values: RuleFormValues) =>
  values.repeatEvery.trim() === '' ? null : numberOf(values.repeatEvery)

export function createRuleBody(values: RuleFormValues): CreateAlertRuleRequest {
  return {
    name: values.name.trim(),
    kind: values.kind,
    params: paramsOf(values),
    scope: scopeOf(values),
    channel_ids: values.channelIds,
    repeat_every_s: repeatOf(values),
    enabled: values.enabled,
  }
}

/** Everything but the kind (which never changes); `params` replaces the old ones. */
export function updateRuleBody(values: RuleFormValues): UpdateAlertRuleRequest {
  const { kind: _, ...body } = createRuleBody(values)
  return body
}

/** A rule's parameters in one line: "after_failures 2 · after_s 60"; "—" for none. */
export function describeParams(params: Record<string, unknown>): string {
  const parts = Object.entries(params).map(([name, value]) => `${name} ${String(value)}`)
  return parts.length > 0 ? parts.join(' · ') : '—'
}
