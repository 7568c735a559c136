import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from './repo-files.ts'

// The compose `proxy` service runs Caddy on deploy/Caddyfile; no Docker engine runs here, so the
// file is checked by Caddy itself. .ci/run installs Debian's caddy; elsewhere, without it, skipped.
const caddy = (() => {
  try {
    execFileSync('caddy', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

describe.skipIf(!caddy && !process.env.CI)('deploy/Caddyfile', () => {
  it('is a configuration Caddy accepts, formatted as caddy fmt writes it', () => {
    const file = path.join(REPO_ROOT, 'deploy/Caddyfile')
    const run = (args: string[]) => execFileSync('caddy', args, { encoding: 'utf8', stdio: 'pipe' })
    expect(() => run(['validate', '--config', file, '--adapter', 'caddyfile'])).not.toThrow()
    const adapted = JSON.parse(run(['adapt', '--config', file, '--adapter', 'caddyfile']))
    const [proxy] = adapted.apps.http.servers.srv0.routes[0].handle
    // Every api replica, found again as they come and go; a browser kept on one; streams unbuffered.
    expect(proxy).toMatchObject({
      handler: 'reverse_proxy',
      dynamic_upstreams: { source: 'a', name: 'api', port: '3000' },
      load_balancing: { selection_policy: { policy: 'cookie' } },
      flush_interval: -1,
    })
  })
})
