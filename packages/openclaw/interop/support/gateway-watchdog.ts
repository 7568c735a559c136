// Runs the gateway as its child and stops it when the test process goes away, however it goes: the
// test holds this process's stdin, and a dead test closes it. Run by openclaw's Node 24, which strips
// these type annotations itself. Usage: node gateway-watchdog.ts <command> [args…]
import { spawn } from 'node:child_process'

const KILL_AFTER_MS = 15_000
const [command, ...args] = process.argv.slice(2)
if (!command) throw new Error('usage: gateway-watchdog.ts <command> [args…]')

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] })
let stopping = false

function stop(): void {
  if (stopping || child.exitCode !== null) return
  stopping = true
  child.kill('SIGTERM')
  setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS).unref()
}

process.stdin.on('end', stop)
process.stdin.on('error', stop)
process.stdin.resume()
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
