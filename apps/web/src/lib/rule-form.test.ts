import {
  ALERT_RULE_KINDS,
  type AlertRule,
  ApiRequestError,
  alertRuleKinds,
  createAlertRuleRequestSchema,
} from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { errorMessage } from './error-message.ts'
import { formErrors } from './form-errors.ts'
import {
  createRuleBody,
  describeParams,
  EMPTY_RULE_FORM,
  paramFields,
  type RuleFormValues,
  ruleFormFields,
  ruleFormValues,
  updateRuleBody,
} from './rule-form.ts'

function makeRule(overrides: Partial<AlertRule> & Pick<AlertRule, 'id' | 'kind'>): AlertRule {
  return {
    name: 'Rule',
    severity: 'critical',
    scope: { gateway_ids: [], agent_names: [] },
    params: {},
    channel_ids: [],
    repeat_every_s: null,
    enabled: true,
    created_at: 1_700_000_000,
    updated_at: 1_700_000_000,
    ...overrides,
  }
}

describe('paramFields', () => {
  it('reads each kind’s parameters, defaults and choices from alertRuleKinds', () => {
    expect(paramFields('gateway_down')).toEqual([
      { name: 'after_failures', choices: undefined, required: false, defaultText: '2' },
      { name: 'after_s', choices: undefined, required: false, defaultText: '' },
    ])
    expect(paramFields('token_budget')).toEqual([
      { name: 'tokens', choices: undefined, required: false, defaultText: '' },
      { name: 'cost_usd', choices: undefined, required: false, defaultText: '' },
      { name: 'window', choices: ['day', 'month'], required: false, defaultText: 'day' },
    ])
    expect(paramFields('gateway_auth_failed')).toEqual([])
  })

  it('has a field for every parameter of every kind', () => {
    for (const kind of ALERT_RULE_KINDS) {
      expect(paramFields(kind).map((field) => field.name)).toEqual(
        Object.keys(alertRuleKinds[kind].params.shape),
      )
    }
  })
})

describe('createRuleBody', () => {
  const form: RuleFormValues = {
    ...EMPTY_RULE_FORM,
    name: ' Down ',
    params: { after_failures: ' 3 ', after_s: '' },
    gatewayIds: [4, 5],
    agentNames: 'ignored for a gateway kind',
    channelIds: [1],
  }

  it('sends typed parameters as numbers, leaves empty ones to the kind’s default, and the gateways', () => {
    expect(createRuleBody(form)).toEqual({
      name: 'Down',
      kind: 'gateway_down',
      params: { after_failures: 3 },
      scope: { gateway_ids: [4, 5] },
      channel_ids: [1],
      repeat_every_s: null,
      enabled: true,
    })
  })

  it('sends an agent kind’s names as a list, a choice as text, and drops another kind’s parameters', () => {
    const body = createRuleBody({
      ...form,
      kind: 'token_budget',
      params: { after_failures: '3', tokens: '50000', window: 'month' },
      agentNames: ' codex-01, ,claude-02 ',
      repeatEvery: '600',
    })
    expect(body).toMatchObject({
      params: { tokens: 50000, window: 'month' },
      scope: { agent_names: ['codex-01', 'claude-02'] },
      repeat_every_s: 600,
    })
  })

  it('scopes a session kind by its gateways, with no parameters', () => {
    for (const kind of ['session_idle', 'session_stuck'] as const)
      expect(createRuleBody({ ...form, kind, params: {} })).toMatchObject({
        kind,
        params: {},
        scope: { gateway_ids: [4, 5] },
      })
  })

  it('builds a body the API accepts', () => {
    expect(createAlertRuleRequestSchema.safeParse(createRuleBody(form)).success).toBe(true)
    expect(alertRuleKinds.gateway_down.params.safeParse(createRuleBody(form).params).success).toBe(true)
  })
})

describe('the API’s messages about a rule', () => {
  /** What the API's 400s say (the body, then `params` against the kind), placed as the dialog does. */
  function dialogErrors(values: RuleFormValues) {
    // Through JSON, as sent: text that is no number arrives as null.
    const body = JSON.parse(JSON.stringify(createRuleBody(values)))
    const request = createAlertRuleRequestSchema.safeParse(body)
    const params = alertRuleKinds[values.kind].params.safeParse(body.params)
    const issues = [
      ...(request.error?.issues ?? []).map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      })),
      ...(params.error?.issues ?? []).map((issue) => ({
        path: ['params', ...issue.path].join('.'),
        message: issue.message,
      })),
    ]
    return formErrors(
      new ApiRequestError(400, 'invalid request body', issues),
      ruleFormFields(values.kind),
      errorMessage,
    )
  }

  it('land under the kind’s parameter fields and the rule’s own', () => {
    expect(
      dialogErrors({
        ...EMPTY_RULE_FORM,
        name: '',
        params: { after_failures: 'two', after_s: '5' },
        repeatEvery: '30',
      }),
    ).toEqual({
      fields: {
        name: 'required',
        repeat_every_s: 'must be from 60 to 604800',
        'params.after_failures': 'must be a whole number from 1 to 1000',
        'params.after_s': 'must be from 10 to 604800',
      },
      form: null,
    })
    expect(dialogErrors({ ...EMPTY_RULE_FORM, name: 'Budget', kind: 'token_budget' }).fields).toEqual({
      'params.tokens': 'give tokens, cost_usd or both',
    })
  })

  it('name only the fields the kind has', () => {
    expect(ruleFormFields('gateway_flapping')).toEqual(
      expect.arrayContaining(['params.flips', 'params.window_s']),
    )
    expect(ruleFormFields('agent_lost').filter((field) => field.startsWith('params.'))).toEqual([])
  })
})

describe('editing a rule', () => {
  const rule = makeRule({
    id: 9,
    kind: 'token_budget',
    name: 'Budget',
    params: { tokens: 50000, window: 'day' },
    scope: { gateway_ids: [], agent_names: ['codex-01', 'claude-02'] },
    channel_ids: [2, 3],
    repeat_every_s: 3600,
    enabled: false,
  })

  it('fills the form from the rule and sends it back unchanged, without its kind', () => {
    const values = ruleFormValues(rule)
    expect(values).toEqual({
      name: 'Budget',
      kind: 'token_budget',
      params: { tokens: '50000', window: 'day' },
      gatewayIds: [],
      agentNames: 'codex-01, claude-02',
      channelIds: [2, 3],
      repeatEvery: '3600',
      enabled: false,
    })
    expect(updateRuleBody(values)).toEqual({
      name: 'Budget',
      params: { tokens: 50000, window: 'day' },
      scope: { agent_names: ['codex-01', 'claude-02'] },
      channel_ids: [2, 3],
      repeat_every_s: 3600,
      enabled: false,
    })
  })

  it('sends null to notify once when the repeat is cleared', () => {
    expect(updateRuleBody({ ...ruleFormValues(rule), repeatEvery: ' ' }).repeat_every_s).toBeNull()
  })
})

describe('describeParams', () => {
  it('puts the parameters on one line, or a dash for none', () => {
    expect(describeParams({ after_failures: 2, after_s: 60 })).toBe('after_failures 2 · after_s 60')
    expect(describeParams({})).toBe('—')
  })
})
