import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { findUserByUsername, listAudit, schema } from '@mc/db'
import { useTestDatabase } from '@mc/testing'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from './auth/passwords.ts'
import { RESET_PASSWORD_ACTOR } from './auth/reset-password.ts'
import { makeSignInCookie, makeUser, TEST_PASSWORD } from './testing/factories.ts'

// The command an operator runs on the server, as its own process on this file's database: the same
// bundle `npm run reset-password` and the Docker image run.
const apiDir = fileURLToPath(new URL('..', import.meta.url))
const BUNDLE = fileURLToPath(new URL('../dist/reset-password.js', import.meta.url))

const database = useTestDatabase()
beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['../../scripts/bundle-node.mjs', 'src/reset-password.ts'], {
    cwd: apiDir,
  })
})

async function resetPasswordCommand(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BUNDLE, ...args], {
      env: { PATH: process.env.PATH, DATABASE_URL: database.url, ...env },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

const signInsOf = async (userId: number) =>
  database.db.select().from(schema.signIns).where(eq(schema.signIns.userId, userId))

describe('npm run reset-password', () => {
  it('gives a disabled admin a generated password, shown once, ends their sign-ins and lets them in', async () => {
    await makeUser(database.db, { role: 'admin', username: 'keeper' })
    const locked = await makeUser(database.db, { role: 'admin', username: 'locked-out' })
    await makeSignInCookie(database.db, locked)
    const bystander = await makeUser(database.db, { role: 'admin', username: 'locked-out-too' })
    await makeSignInCookie(database.db, bystander)
    const disabled = await makeUser(database.db, { role: 'admin', username: 'sleeper', disabled: true })
    await makeSignInCookie(database.db, disabled)

    const first = await resetPasswordCommand(['Locked-Out'])
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    const password = first.stdout.match(/^Password of "locked-out" \(admin\) reset to: (\S+)\n/)?.[1] ?? ''
    expect(password.length).toBeGreaterThanOrEqual(20)
    expect(first.stdout.split(password)).toHaveLength(2)
    expect(first.stdout).toContain('Every sign-in session of "locked-out" (admin) has ended.\n')
    expect(first.stdout).not.toContain('enabled again')
    const stored = await findUserByUsername(database.db, 'locked-out')
    expect(await verifyPassword(stored?.passwordHash, password)).toBe(true)
    expect(await verifyPassword(stored?.passwordHash, TEST_PASSWORD)).toBe(false)
    expect(await signInsOf(locked.id)).toEqual([])

    const second = await resetPasswordCommand(['sleeper'])
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('The account was disabled and is enabled again.')
    expect((await findUserByUsername(database.db, 'sleeper'))?.disabled).toBe(false)
    expect(await signInsOf(disabled.id)).toEqual([])

    const { rows } = await listAudit(database.db, { limit: 10, actor: RESET_PASSWORD_ACTOR })
    expect(rows.map((row) => [row.action, row.target, row.detail])).toEqual([
      ['user.update', 'user:sleeper', { password_reset: true, disabled: false }],
      ['user.update', 'user:locked-out', { password_reset: true }],
    ])
    expect(JSON.stringify(rows)).not.toContain(password)
    // Another user's sign-ins and password are untouched.
    const other = await findUserByUsername(database.db, 'locked-out-too')
    expect(await verifyPassword(other?.passwordHash, TEST_PASSWORD)).toBe(true)
    expect(await signInsOf(bystander.id)).toHaveLength(1)
  })

  it('sets MC_NEW_PASSWORD without printing it', async () => {
    await makeUser(database.db, { role: 'operator', username: 'chosen' })
    const chosen = 'a password the operator chose'
    const run = await resetPasswordCommand(['chosen'], { MC_NEW_PASSWORD: chosen })
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(
      'Password of "chosen" (operator) set to MC_NEW_PASSWORD.\nEvery sign-in session of "chosen" (operator) has ended.\n',
    )
    const stored = await findUserByUsername(database.db, 'chosen')
    expect(await verifyPassword(stored?.passwordHash, chosen)).toBe(true)
  })

  it('says in one line what is wrong, and changes nothing', async () => {
    await makeUser(database.db, { username: 'unchanged' })
    const [unknown, short, usage, noDatabase] = await Promise.all([
      resetPasswordCommand(['nobody']),
      resetPasswordCommand(['unchanged'], { MC_NEW_PASSWORD: 'too-short' }),
      resetPasswordCommand([]),
      resetPasswordCommand(['unchanged'], { DATABASE_URL: '' }),
    ])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(
      /^mission-control reset-password: no user named "nobody" \(users: .*unchanged.*\)\n$/,
    )
    expect(short.code).toBe(1)
    expect(short.stderr).toContain('MC_NEW_PASSWORD: at least 10 characters')
    expect(short.stderr).not.toContain('too-short')
    expect(usage.code).toBe(1)
    expect(usage.stderr).toContain('usage: reset-password <username>')
    expect(noDatabase.code).toBe(1)
    expect(noDatabase.stderr).toContain('DATABASE_URL is required')
    const stored = await findUserByUsername(database.db, 'unchanged')
    expect(await verifyPassword(stored?.passwordHash, TEST_PASSWORD)).toBe(true)
    expect(unknown.stdout + short.stdout + usage.stdout + noDatabase.stdout).toBe('')
  })
})
