import { type AlertChannel, ApiRequestError, createAlertChannelRequestSchema } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import {
  CHANNEL_FORM_FIELDS,
  type ChannelFormValues,
  channelFormValues,
  channelTarget,
  createChannelBody,
  EMPTY_CHANNEL_FORM,
  updateChannelBody,
} from './channel-form.ts'
import { errorMessage } from './error-message.ts'
import { formErrors } from './form-errors.ts'

function makeChannel(
  overrides: Partial<AlertChannel> & Pick<AlertChannel, 'id' | 'type' | 'config'>,
): AlertChannel {
  return {
    name: 'Team',
    enabled: true,
    secret_set: false,
    last_delivery: null,
    failing: false,
    created_at: 1_700_000_000,
    updated_at: 1_700_000_000,
    ...overrides,
  }
}

/** A form with every type's field filled in, so each test shows which ones its type sends. */
const FILLED: ChannelFormValues = {
  ...EMPTY_CHANNEL_FORM,
  name: ' Team ',
  url: ' https://hooks.example.com/in ',
  secret: 'a-signing-secret-of-20',
  to: 'ops@example.com, oncall@example.com',
  priority: 'high',
}

describe('createChannelBody', () => {
  it('sends only the chosen type’s config, trimmed, with the name and enabled flag', () => {
    expect(createChannelBody({ ...FILLED, type: 'webhook' })).toEqual({
      name: 'Team',
      type: 'webhook',
      config: { url: 'https://hooks.example.com/in', secret: 'a-signing-secret-of-20' },
      enabled: true,
    })
    expect(createChannelBody({ ...FILLED, type: 'slack' }).config).toEqual({
      url: 'https://hooks.example.com/in',
    })
    expect(createChannelBody({ ...FILLED, type: 'discord' }).config).toEqual({
      url: 'https://hooks.example.com/in',
    })
    expect(createChannelBody({ ...FILLED, type: 'email' }).config).toEqual({
      to: 'ops@example.com, oncall@example.com',
    })
    expect(createChannelBody({ ...FILLED, type: 'ntfy', enabled: false })).toMatchObject({
      config: { url: 'https://hooks.example.com/in', priority: 'high' },
      enabled: false,
    })
  })

  it('leaves out an empty webhook secret and an empty ntfy priority', () => {
    const blank = { ...FILLED, secret: '', priority: '' }
    expect(createChannelBody({ ...blank, type: 'webhook' }).config).toEqual({
      url: 'https://hooks.example.com/in',
    })
    expect(createChannelBody({ ...blank, type: 'ntfy' }).config).toEqual({
      url: 'https://hooks.example.com/in',
    })
  })

  it('builds a body the API accepts for every type', () => {
    for (const type of ['webhook', 'slack', 'discord', 'email', 'ntfy'] as const) {
      expect(createAlertChannelRequestSchema.safeParse(createChannelBody({ ...FILLED, type })).success).toBe(
        true,
      )
    }
  })
})

describe('the API’s messages about a channel', () => {
  /** What the API's 400 says about the body, placed on the dialog's fields as the dialog does. */
  function dialogErrors(values: ChannelFormValues) {
    const result = createAlertChannelRequestSchema.safeParse(createChannelBody(values))
    const issues = (result.error?.issues ?? []).map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }))
    return formErrors(
      new ApiRequestError(400, 'invalid request body', issues),
      CHANNEL_FORM_FIELDS,
      errorMessage,
    )
  }

  it('land under the field they are about', () => {
    expect(
      dialogErrors({ ...FILLED, type: 'webhook', name: ' ', url: 'ftp://files', secret: 'short' }),
    ).toEqual({
      fields: {
        name: 'required',
        'config.url': 'must be an http:// or https:// URL without a user name or password',
        'config.secret': 'at least 16 characters',
      },
      form: null,
    })
    expect(
      dialogErrors({ ...FILLED, type: 'slack', url: 'https://user:pass@hooks.slack.com/x' }).fields,
    ).toEqual({
      'config.url': 'must be an http:// or https:// URL without a user name or password',
    })
    expect(dialogErrors({ ...FILLED, type: 'email', to: ' , ' }).fields).toEqual({
      'config.to': 'needs at least one address',
    })
  })
})

describe('updateChannelBody', () => {
  const webhook = makeChannel({
    id: 1,
    type: 'webhook',
    config: { url: 'https://hooks.example.com/in' },
    secret_set: true,
  })

  it('starts the edit form from the public config, secrets empty, and sends nothing when unchanged', () => {
    const values = channelFormValues(webhook)
    expect(values).toMatchObject({
      name: 'Team',
      type: 'webhook',
      url: 'https://hooks.example.com/in',
      secret: '',
    })
    expect(updateChannelBody(webhook, values, false)).toBeNull()
  })

  it('sends only what changed: name, enabled, a config field', () => {
    const values = channelFormValues(webhook)
    expect(updateChannelBody(webhook, { ...values, name: ' Ops ', enabled: false }, false)).toEqual({
      name: 'Ops',
      enabled: false,
    })
    expect(updateChannelBody(webhook, { ...values, url: 'https://other.example.com/' }, false)).toEqual({
      config: { url: 'https://other.example.com/' },
    })
  })

  it('keeps the stored webhook secret when left blank, replaces it when typed, removes it when asked', () => {
    const values = channelFormValues(webhook)
    expect(updateChannelBody(webhook, { ...values, secret: 'a-new-secret-of-sixteen' }, false)).toEqual({
      config: { secret: 'a-new-secret-of-sixteen' },
    })
    expect(updateChannelBody(webhook, values, true)).toEqual({ config: { secret: null } })
  })

  it('never shows a Slack or Discord URL (the secret) and keeps it when left blank', () => {
    for (const type of ['slack', 'discord'] as const) {
      const channel = makeChannel({ id: 2, type, config: { host: 'hooks.slack.com' }, secret_set: true })
      const values = channelFormValues(channel)
      expect(values.url).toBe('')
      expect(updateChannelBody(channel, values, false)).toBeNull()
      // The "remove secret" box is a webhook's only: ignored here.
      expect(updateChannelBody(channel, values, true)).toBeNull()
      expect(updateChannelBody(channel, { ...values, url: ' https://hooks.slack.com/new ' }, false)).toEqual({
        config: { url: 'https://hooks.slack.com/new' },
      })
    }
  })

  it('shows an email channel’s addresses as one line and sends them only when they change', () => {
    const email = makeChannel({
      id: 3,
      type: 'email',
      config: { to: ['ops@example.com', 'oncall@example.com'] },
    })
    const values = channelFormValues(email)
    expect(values.to).toBe('ops@example.com, oncall@example.com')
    expect(updateChannelBody(email, values, false)).toBeNull()
    expect(updateChannelBody(email, { ...values, to: 'ops@example.com' }, false)).toEqual({
      config: { to: 'ops@example.com' },
    })
  })

  it('sends an ntfy priority that changed', () => {
    const ntfy = makeChannel({ id: 4, type: 'ntfy', config: { url: 'https://ntfy.sh/mc', priority: 'high' } })
    const values = channelFormValues(ntfy)
    expect(values.priority).toBe('high')
    expect(updateChannelBody(ntfy, { ...values, priority: 'urgent' }, false)).toEqual({
      config: { priority: 'urgent' },
    })
  })
})

describe('channelTarget', () => {
  it('shows the URL, the Slack or Discord host, or the addresses', () => {
    expect(
      channelTarget(makeChannel({ id: 1, type: 'webhook', config: { url: 'https://a.example/' } })),
    ).toBe('https://a.example/')
    expect(channelTarget(makeChannel({ id: 2, type: 'discord', config: { host: 'discord.com' } }))).toBe(
      'discord.com',
    )
    expect(channelTarget(makeChannel({ id: 3, type: 'email', config: { to: ['a@x.io', 'b@x.io'] } }))).toBe(
      'a@x.io, b@x.io',
    )
    expect(channelTarget(makeChannel({ id: 4, type: 'slack', config: {} }))).toBe('—')
  })
})
