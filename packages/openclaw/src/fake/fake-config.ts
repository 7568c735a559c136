import { createHmac, randomBytes } from 'node:crypto'
import { isRecord } from '../protocol/is-record.ts'
import type { FakeSettings } from './fake-settings.ts'
import { changedPaths, mergePatch } from './json-merge-patch.ts'

/** How the real gateway shows a secret in every config it sends. */
export const REDACTED_SECRET = '__OPENCLAW_REDACTED__'
export const CONFIG_PATH = '/fake/state/openclaw.json'
const TOKEN_PATH = 'gateway.auth.token'

export type ConfigPatchResult = { ok: true; changedPaths: string[] } | { ok: false; message: string }

/** What a config change means for connected clients. */
export interface ConfigChange {
  hash: string
  tokenChanged: boolean
}

/**
 * The gateway's config file (`openclaw.json`). The shared token lives in `settings.token`, where the
 * connect checks read it; everything else here. The hash is keyed (like the real HMAC) and changes with
 * every write.
 */
export class FakeConfig {
  private rest: Record<string, unknown>
  private revision = 0
  private readonly hashKey = randomBytes(32)
  private refusals: string[] = []
  private staleWrites = 0

  constructor(
    private readonly settings: FakeSettings,
    private readonly announce: (change: ConfigChange) => void,
  ) {
    this.rest = {
      meta: { lastTouchedVersion: settings.version },
      gateway: { mode: 'local', bind: 'loopback', auth: { mode: 'token' }, tailscale: { mode: 'off' } },
    }
  }

  get hash(): string {
    const digest = createHmac('sha256', this.hashKey).update(String(this.revision)).digest('base64url')
    return `hmac-sha256:v1:${digest}`
  }

  /** The config as `config.get` shows it: secrets redacted. */
  redacted(): Record<string, unknown> {
    return this.withToken(REDACTED_SECRET)
  }

  /** Applies a `config.patch` merge patch, as the real one checks it; `announceWrite` once the answer is sent. */
  patch(patch: Record<string, unknown>, baseHash: string | undefined): ConfigPatchResult {
    if (this.staleWrites > 0) {
      this.staleWrites--
      this.touch()
    }
    const before = this.withToken(this.settings.token)
    const after = mergePatch(before, patch) as Record<string, unknown>
    const changed = changedPaths(before, after)
    if (baseHash === undefined) {
      const message = `config base hash required for ${changed[0] ?? 'config'}; re-run config.get and retry with baseHash`
      return { ok: false, message }
    }
    if (baseHash !== this.hash) {
      return { ok: false, message: 'config changed since last load; re-run config.get and retry' }
    }
    const refusal = this.refusals.shift()
    if (refusal !== undefined) return { ok: false, message: refusal }
    const token = tokenOf(after)
    if (!token) return { ok: false, message: `invalid config: ${TOKEN_PATH}: must be a non-empty string` }
    this.rest = mergePatch(after, { gateway: { auth: { token: null } } }) as Record<string, unknown>
    this.settings.token = token
    this.revision++
    return { ok: true, changedPaths: changed }
  }

  /** Tells connected clients about the latest write (closing the shared-token ones if the token changed). */
  announceWrite(paths: readonly string[]): void {
    this.announce({ hash: this.hash, tokenChanged: paths.includes(TOKEN_PATH) })
  }

  /** The owner edits the file (or runs `openclaw config set gateway.auth.token`): hot-applied. */
  setToken(token: string): void {
    this.settings.token = token
    this.revision++
    this.announceWrite([TOKEN_PATH])
  }

  /** Someone else writes the config right before the next `config.patch`, so its baseHash is stale. */
  changeBeforeNextPatch(): void {
    this.staleWrites++
  }

  /** The next `config.patch` that gets past the hash check is refused with `message`. */
  refuseNextPatch(message: string): void {
    this.refusals.push(message)
  }

  private touch(): void {
    const touched = { meta: { lastTouchedAt: new Date().toISOString() } }
    this.rest = mergePatch(this.rest, touched) as Record<string, unknown>
    this.revision++
    this.announceWrite(['meta.lastTouchedAt'])
  }

  private withToken(token: string): Record<string, unknown> {
    return mergePatch(this.rest, { gateway: { auth: { token } } }) as Record<string, unknown>
  }
}

function tokenOf(config: Record<string, unknown>): string | null {
  const { gateway } = config
  const auth = isRecord(gateway) ? gateway.auth : undefined
  const token = isRecord(auth) ? auth.token : undefined
  return typeof token === 'string' && token.length > 0 ? token : null
}
