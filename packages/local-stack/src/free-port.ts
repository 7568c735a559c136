import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * Ports are chosen below the kernel's ephemeral range: a port from `listen(0)` is handed back to the
 * kernel when probed, and the next `listen(0)` in any process (test suites start thousands of fake
 * gateways that way) may get it before our server binds it. Below the range only callers of this
 * function pick ports, and they reserve each one for a while in a shared directory.
 */
const LOWEST_PORT = 15_000
const FALLBACK_EPHEMERAL_LOW = 32_768
/** How long a handed-out port stays reserved for the process that asked: time enough to bind it. */
const RESERVATION_MS = 5 * 60_000
const RESERVATIONS_DIR = path.join(tmpdir(), 'mission-control-ports')

async function ephemeralLow(): Promise<number> {
  const range = await readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').catch(() => '')
  const low = Number(range.trim().split(/\s+/)[0])
  return Number.isInteger(low) && low > LOWEST_PORT + 1_000 ? low : FALLBACK_EPHEMERAL_LOW
}

/** Claims `port` for this process unless another one claimed it within RESERVATION_MS. */
function reserve(port: number): boolean {
  mkdirSync(RESERVATIONS_DIR, { recursive: true })
  const file = path.join(RESERVATIONS_DIR, String(port))
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' })
    return true
  } catch {
    const claimedAt = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0
    if (Date.now() - claimedAt < RESERVATION_MS) return false
    rmSync(file, { force: true })
    return reserve(port)
  }
}

async function bindable(port: number): Promise<boolean> {
  const server = createServer()
  const bound = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => resolve(true))
  })
  if (bound) await new Promise((resolve) => server.close(resolve))
  return bound
}

/** A TCP port on loopback that nothing listens on right now, and no other caller was given lately. */
export async function freePort(): Promise<number> {
  const high = (await ephemeralLow()) - 1
  for (let attempt = 0; attempt < 1_000; attempt++) {
    const port = LOWEST_PORT + Math.floor(Math.random() * (high - LOWEST_PORT + 1))
    if (reserve(port) && (await bindable(port))) return port
  }
  throw new Error(`could not find a free port between ${LOWEST_PORT} and ${high}`)
}
