#!/usr/bin/env node
import { hostname } from 'node:os'
import { main } from './cli/main.ts'

const code = await main({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  signals: process,
  cwd: process.cwd(),
  hostname: hostname(),
})
process.exit(code)
