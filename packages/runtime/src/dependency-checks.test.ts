import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { assertPostgresReachable, assertRedisReachable } from './dependency-checks.ts'
import { StartupError } from './startup-error.ts'

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('dependency checks', () => {
  it('explains an unreachable Postgres in one line without the password', async () => {
    const port = await closedPort()
    const check = assertPostgresReachable(`postgres://mc:s3cret-pw@127.0.0.1:${port}/mc`, 2)
    await expect(check).rejects.toBeInstanceOf(StartupError)
    await expect(check).rejects.toThrow(`cannot reach Postgres at postgres://mc:***@127.0.0.1:${port}/mc`)
    await expect(check).rejects.toThrow(/ECONNREFUSED/)
    await expect(check).rejects.not.toThrow(/s3cret-pw/)
  })

  it('explains an unreachable Redis with the cause instead of retrying forever', async () => {
    const port = await closedPort()
    const check = assertRedisReachable(`redis://:hunter2@127.0.0.1:${port}`, 2000)
    await expect(check).rejects.toThrow(
      `cannot reach Redis at redis://:***@127.0.0.1:${port}: connect ECONNREFUSED`,
    )
    await expect(check).rejects.not.toThrow(/hunter2/)
  })
})
