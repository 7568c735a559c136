import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { useTestDatabase, useTestRedis } from '@mc/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The api's real entry point, as docker or systemd run it, on a port another program holds.
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url))
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

const database = useTestDatabase()
const redis = useTestRedis()
const blocker = createServer((socket) => socket.destroy())

beforeAll(() => new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve)))
afterAll(() => new Promise((resolve) => blocker.close(resolve)))

describe('the api on a port in use', () => {
  it('exits with code 1 and one line naming the port, no stack trace', async () => {
    const port = (blocker.address() as { port: number }).port
    const child = spawn(process.execPath, ['--import', TSX_LOADER, MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        REDIS_PREFIX: redis.prefix,
        MC_SECRET_KEY: randomBytes(32).toString('base64'),
        MC_ADMIN_PASSWORD: 'port-in-use-admin',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk)
    })
    const [code] = await once(child, 'exit')
    expect(code).toBe(1)
    expect(stderr.trimEnd().split('\n')).toEqual([
      `mission-control api: port ${port} on 127.0.0.1 is in use; set PORT to a free port`,
    ])
  })
})
