import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { connect } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createGateway, presentGateway } from '@mc/db'
import { freePort } from '@mc/local-stack'
import { beatWorkerHeartbeat, bullPrefix, type ProbeGatewayJob, QUEUES } from '@mc/runtime'
import { type Gateway, type ProbeResult, probeResponseSchema, probeResultOf } from '@mc/shared'
import { useTestDatabase, useTestRedis } from '@mc/testing'
import { Worker } from 'bullmq'
import { afterEach, describe, expect, it } from 'vitest'

// The api's real entry point in a process of its own, stopped with SIGTERM as a supervisor does.
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url))
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
/** How long the probe takes once the api stops accepting: longer than the ≈1 s it used to be given. */
const SLOW_PROBE_MS = 3000

const database = useTestDatabase()
const redis = useTestRedis()
const cleanups: Array<() => Promise<void>> = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function startApiProcess(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', TSX_LOADER, MAIN], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL')
      await once(child, 'exit')
    }
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += String(chunk)
      if (output.includes('"api listening"')) resolve()
    })
    child.stderr?.on('data', (chunk) => {
      output += String(chunk)
    })
    child.once('exit', (code) => reject(new Error(`api exited (${code}) before listening: ${output}`)))
  })
  return { child, port }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => resolve(socket.destroy() !== undefined))
    socket.once('error', () => resolve(false))
  })
}

describe('stopping the api', () => {
  it('stops accepting on SIGTERM but lets a request in flight finish with its normal answer', {
    timeout: 60_000,
  }, async () => {
    const apiKey = randomBytes(24).toString('hex')
    const gateway = await createGateway(database.db, {
      name: 'slow gateway',
      host: '127.0.0.1',
      port: 1,
      token: null,
      isPrimary: false,
    })
    const { child, port } = await startApiProcess({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      MC_SECRET_KEY: randomBytes(32).toString('base64'),
      MC_API_KEY: apiKey,
      MC_ADMIN_PASSWORD: 'shutdown-admin-password',
      PROBE_TIMEOUT_MS: '20000',
      SHUTDOWN_TIMEOUT_MS: '30000',
    })

    // Stands in for the worker: takes the probe job, and answers once the api has stopped accepting.
    let jobArrived!: () => void
    const arrived = new Promise<void>((resolve) => (jobArrived = resolve))
    const connection = redis.redis.duplicate()
    cleanups.push(async () => connection.disconnect())
    let stopAccepting!: () => void
    const apiClosed = new Promise<void>((resolve) => (stopAccepting = resolve))
    const probed: Gateway = { ...presentGateway(gateway), status: 'online', latency: 42, version: 'slow-1' }
    const standIn = new Worker<ProbeGatewayJob>(
      QUEUES.probeGateway,
      async (): Promise<ProbeResult[]> => {
        jobArrived()
        await apiClosed
        await sleep(SLOW_PROBE_MS)
        return [probeResultOf(probed)]
      },
      { connection, prefix: bullPrefix(redis.prefix) },
    )
    cleanups.push(() => standIn.close(true))
    await beatWorkerHeartbeat(redis.redis, redis.prefix, 'stand-in')

    const answer = fetch(`http://127.0.0.1:${port}/api/gateways/health`, {
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ id: gateway.id }),
    })
    await arrived
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    await expect.poll(() => accepts(port), { timeout: 10_000 }).toBe(false)
    stopAccepting()

    const res = await answer
    expect(res.status).toBe(200)
    expect(probeResponseSchema.parse(await res.json()).results).toEqual([
      {
        id: gateway.id,
        name: 'slow gateway',
        status: 'online',
        latency: 42,
        version: 'slow-1',
        sessions_count: 0,
        agents_count: 0,
        gateway: probed,
      },
    ])
    expect(await exited).toEqual([0, null])
  })
})
