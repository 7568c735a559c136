import { randomBytes } from 'node:crypto'
import {
  createGateway,
  finishRotation,
  type GatewayRow,
  schema,
  storeRotatedToken,
  tryStartRotation,
} from '@mc/db'
import { bullPrefix, QUEUES, type TokenRotationJob, type TokenRotationOutcome } from '@mc/runtime'
import {
  gatewaysResponseSchema,
  type McEvent,
  rotateTokenResponseSchema,
  TOKEN_ROTATION_FAILURES,
} from '@mc/shared'
import { Worker } from 'bullmq'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeApiKey, makeUser } from '../../testing/factories.ts'
import { useTestApp } from '../../testing/test-app.ts'

// A short probe deadline makes the api give up waiting for a rotation after 5 s (the 504 case).
const t = useTestApp({ PROBE_TIMEOUT_MS: '200', TOKEN_PENDING_TTL_H: '24' })
const headers: Record<string, Record<string, string>> = {}
const published: McEvent[] = []
let unsubscribe = () => {}
const jobs: TokenRotationJob[] = []

/** What the stand-in worker does with a gateway's rotation job: an outcome, a crash, or never answer. */
type Behaviour = TokenRotationOutcome | 'crash' | 'hang' | { until: Promise<void> }
const behaviours = new Map<number, Behaviour>()
let standIn: Worker<TokenRotationJob, TokenRotationOutcome>

beforeAll(async () => {
  for (const role of ['admin', 'operator', 'viewer'] as const) {
    headers[role] = { 'x-api-key': (await makeApiKey(t.deps.db, role)).key }
  }
  unsubscribe = t.deps.eventHub.subscribe(({ event }) => published.push(event))
  // Stands in for the worker on the real queue: canned outcomes, and like it, it ends the rotation.
  standIn = new Worker<TokenRotationJob, TokenRotationOutcome>(
    QUEUES.tokenRotation,
    async (job) => {
      jobs.push(job.data)
      const id = job.data.gateway_id
      const behaviour = behaviours.get(id) ?? { ok: true }
      if (behaviour === 'hang') return new Promise(() => {})
      try {
        if (behaviour === 'crash') throw new Error('worker crashed')
        if ('until' in behaviour) await behaviour.until
        else if (!behaviour.ok) return behaviour
        await storeRotatedToken(t.deps.db, id, t.deps.tokenCipher.encrypt('rotated-by-stand-in'), 'auto')
        return { ok: true }
      } finally {
        if (behaviour !== 'crash') await finishRotation(t.deps.db, id)
      }
    },
    { connection: t.deps.redis.duplicate(), prefix: bullPrefix(t.deps.config.REDIS_PREFIX), concurrency: 10 },
  )
})
afterAll(async () => {
  unsubscribe()
  await standIn.close(true)
})

const rotate = (id: number | string, body: unknown, role = 'admin') =>
  t.app.request(`/api/gateways/${id}/rotate-token`, {
    method: 'POST',
    headers: headers[role],
    body: JSON.stringify(body),
  })

async function gateway(token: string | null = `old-${randomBytes(8).toString('hex')}`): Promise<GatewayRow> {
  return createGateway(t.deps.db, {
    name: `rot-${randomBytes(4).toString('hex')}`,
    host: '127.0.0.1',
    port: 1,
    token: token === null ? null : t.deps.tokenCipher.encrypt(token),
    isPrimary: false,
  })
}

const stored = async (id: number) => {
  const [row] = await t.deps.db.select().from(schema.gateways).where(eq(schema.gateways.id, id))
  if (!row) throw new Error(`gateway ${id} vanished`)
  return row
}
const auditOf = (row: GatewayRow) =>
  t.deps.db.query.auditLog.findMany({
    where: (a, { eq }) => eq(a.target, `gateway:${row.name}#${row.id}`),
    orderBy: (a, { asc }) => asc(a.id),
  })

describe('POST /api/gateways/:id/rotate-token: validation and access', () => {
  it('refuses a bad body or id with 400', async () => {
    const gw = await gateway()
    for (const body of [{}, { mode: 'sometimes' }, { mode: 'auto', token: 'mine' }, { mode: 1 }, []]) {
      const res = await rotate(gw.id, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(await res.json()).toMatchObject({ error: expect.any(String) })
    }
    expect((await rotate('abc', { mode: 'auto' })).status).toBe(400)
    expect((await rotate(0, { mode: 'auto' })).status).toBe(400)
  })

  it('is for admins only', async () => {
    const gw = await gateway()
    expect((await rotate(gw.id, { mode: 'manual' }, 'operator')).status).toBe(403)
    expect((await rotate(gw.id, { mode: 'manual' }, 'viewer')).status).toBe(403)
    const anonymous = await t.app.request(`/api/gateways/${gw.id}/rotate-token`, {
      method: 'POST',
      body: JSON.stringify({ mode: 'manual' }),
    })
    expect(anonymous.status).toBe(401)
    expect((await stored(gw.id)).pendingToken).toBeNull()
  })

  it('answers 404 for an unknown gateway and 409 no_token for one without a token, in both modes', async () => {
    const tokenless = await gateway(null)
    for (const mode of ['auto', 'manual']) {
      const missing = await rotate(2_000_000_000, { mode })
      expect(missing.status).toBe(404)
      const none = await rotate(tokenless.id, { mode })
      expect(none.status).toBe(409)
      expect(await none.json()).toEqual({ error: expect.any(String), details: { reason: 'no_token' } })
    }
    expect(await stored(tokenless.id)).toMatchObject({ pendingToken: null, tokenRotatingSince: null })
  })
})

describe('POST /api/gateways/:id/rotate-token { mode: "manual" }', () => {
  it('shows a new token once, with its command, and keeps it only encrypted as pending', async () => {
    const gw = await gateway('the-old-token')
    const res = await rotate(gw.id, { mode: 'manual' })
    expect(res.status).toBe(201)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = rotateTokenResponseSchema.parse(await res.json())
    if (body.mode !== 'manual') throw new Error('expected a manual answer')
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(body.command).toBe(`openclaw config set gateway.auth.token '${body.token}'`)
    const inADay = Math.floor(Date.now() / 1000) + 24 * 3600
    expect(body.expires_at).toBeGreaterThan(inADay - 60)
    expect(body.expires_at).toBeLessThanOrEqual(inADay + 1)
    expect(body.gateway).toMatchObject({
      id: gw.id,
      token_set: true,
      token_pending_expires_at: body.expires_at,
    })

    const row = await stored(gw.id)
    expect(row.pendingToken).not.toContain(body.token)
    expect(t.deps.tokenCipher.decrypt(row.pendingToken ?? '')).toBe(body.token)
    expect(t.deps.tokenCipher.decrypt(row.token ?? '')).toBe('the-old-token')
    expect(row.tokenRotatingSince).toBeNull()

    // Never again: not in the registry, the audit log, the events, the logs.
    const list = await t.app.request('/api/gateways', { headers: headers.viewer })
    const listed = gatewaysResponseSchema.parse(await list.json()).gateways.find((g) => g.id === gw.id)
    expect(listed?.token_pending_expires_at).toBe(body.expires_at)
    expect(JSON.stringify(listed)).not.toContain(body.token)
    const audit = await auditOf(gw)
    expect(audit.map((a) => [a.action, a.detail])).toEqual([
      ['gateway.token_rotation.requested', { mode: 'manual', expires_at: body.expires_at }],
    ])
    await expect
      .poll(() => published.some((e) => e.type === 'gateway.updated' && e.gateway.id === gw.id))
      .toBe(true)
    const announced = published.find((e) => e.type === 'gateway.updated' && e.gateway.id === gw.id)
    expect(announced).toMatchObject({
      token_changed: false,
      gateway: { token_pending_expires_at: body.expires_at },
    })
    expect(JSON.stringify(published)).not.toContain(body.token)
    expect(t.logs.join('\n')).not.toContain(body.token)
  })

  it('replaces an earlier pending token, and waits while an automatic rotation runs', async () => {
    const gw = await gateway()
    const first = rotateTokenResponseSchema.parse(await (await rotate(gw.id, { mode: 'manual' })).json())
    const second = rotateTokenResponseSchema.parse(await (await rotate(gw.id, { mode: 'manual' })).json())
    if (first.mode !== 'manual' || second.mode !== 'manual') throw new Error('expected manual answers')
    expect(second.token).not.toBe(first.token)
    expect(t.deps.tokenCipher.decrypt((await stored(gw.id)).pendingToken ?? '')).toBe(second.token)

    expect(await tryStartRotation(t.deps.db, gw.id)).toBe(true)
    const refused = await rotate(gw.id, { mode: 'manual' })
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({ details: { reason: 'busy' } })
    expect(t.deps.tokenCipher.decrypt((await stored(gw.id)).pendingToken ?? '')).toBe(second.token)
    await finishRotation(t.deps.db, gw.id)
  })
})

describe('POST /api/gateways/:id/rotate-token { mode: "auto" }', () => {
  it('asks the worker, waits for it, and answers with the rotated gateway', async () => {
    const gw = await gateway()
    const alice = await makeUser(t.deps.db, { role: 'admin' })
    const key = await makeApiKey(t.deps.db, 'admin', alice)
    const res = await t.app.request(`/api/gateways/${gw.id}/rotate-token`, {
      method: 'POST',
      headers: { 'x-api-key': key.key },
      body: JSON.stringify({ mode: 'auto' }),
    })
    expect(res.status, await res.clone().text()).toBe(200)
    const body = rotateTokenResponseSchema.parse(await res.json())
    expect(body).toMatchObject({ mode: 'auto', gateway: { id: gw.id, token_rotation_mode: 'auto' } })
    expect(body).not.toHaveProperty('token')
    const job = jobs.find((j) => j.gateway_id === gw.id)
    expect(job).toEqual({ gateway_id: gw.id, actor: expect.stringMatching(/^key:/) })
    const audit = await auditOf(gw)
    expect(audit.map((a) => [a.action, a.actor, a.detail])).toEqual([
      ['gateway.token_rotation.requested', job?.actor, { mode: 'auto' }],
    ])
    expect((await stored(gw.id)).tokenRotatingSince).toBeNull()
  })

  it('refuses a second rotation while one runs: 409 busy, and the first goes on', async () => {
    const held = await gateway()
    expect(await tryStartRotation(t.deps.db, held.id)).toBe(true)
    const refused = await rotate(held.id, { mode: 'auto' })
    expect(refused.status).toBe(409)
    expect(await refused.json()).toEqual({
      error: 'a rotation of this gateway is already running',
      details: { reason: 'busy' },
    })
    expect(jobs.some((j) => j.gateway_id === held.id)).toBe(false)
    await finishRotation(t.deps.db, held.id)

    const gw = await gateway()
    let release = () => {}
    behaviours.set(gw.id, { until: new Promise<void>((resolve) => (release = resolve)) })
    const first = rotate(gw.id, { mode: 'auto' })
    await expect.poll(() => jobs.some((j) => j.gateway_id === gw.id)).toBe(true)
    const second = await rotate(gw.id, { mode: 'auto' })
    expect(second.status).toBe(409)
    release()
    expect((await first).status).toBe(200)
    expect(jobs.filter((j) => j.gateway_id === gw.id)).toHaveLength(1)
  })

  it('maps each reason the worker gives to its answer, and keeps the old token', async () => {
    const expected = {
      busy: 409,
      no_token: 409,
      no_admin_scope: 409,
      unreachable: 502,
      patch_refused: 502,
      verify_failed: 502,
    }
    for (const reason of TOKEN_ROTATION_FAILURES) {
      const gw = await gateway('keep-me')
      behaviours.set(gw.id, { ok: false, reason, message: `the worker says ${reason}` })
      const res = await rotate(gw.id, { mode: 'auto' })
      const body = await res.json()
      expect(res.status, reason).toBe(expected[reason])
      if (reason === 'no_admin_scope') {
        expect(body).toEqual({
          error: expect.stringMatching(/loopback.*manual/),
          details: { reason, suggest: 'manual' },
        })
      } else {
        expect(body).toEqual({ error: `the worker says ${reason}`, details: { reason } })
      }
      const row = await stored(gw.id)
      expect(t.deps.tokenCipher.decrypt(row.token ?? '')).toBe('keep-me')
      expect(row.tokenRotatingSince).toBeNull()
    }
  })

  it('answers 502 and ends the rotation when the job fails unexpectedly', async () => {
    const gw = await gateway()
    behaviours.set(gw.id, 'crash')
    const res = await rotate(gw.id, { mode: 'auto' })
    expect(res.status).toBe(502)
    expect(await res.json()).toEqual({ error: expect.stringContaining('worker crashed') })
    expect((await stored(gw.id)).tokenRotatingSince).toBeNull()
  })

  it('answers 504 when the rotation outlasts the wait, leaving it to the worker to end', async () => {
    const gw = await gateway()
    behaviours.set(gw.id, 'hang')
    const res = await rotate(gw.id, { mode: 'auto' })
    expect(res.status).toBe(504)
    expect(await res.json()).toEqual({ error: expect.stringMatching(/^the rotation is still running/) })
    expect((await stored(gw.id)).tokenRotatingSince).not.toBeNull()
    expect(await tryStartRotation(t.deps.db, gw.id)).toBe(false)
  })
})
