import type { Gateway, Probe } from '@mc/shared'

/** A gateway as the API lists it, never probed; override what a test is about. Unit tests only. */
export function makeGateway(overrides: Partial<Gateway> & Pick<Gateway, 'id'>): Gateway {
  return {
    name: `gateway-${overrides.id}`,
    host: `10.0.0.${overrides.id}`,
    port: 18789,
    token_set: false,
    is_primary: 0,
    status: 'unknown',
    last_seen: null,
    latency: null,
    sessions_count: 0,
    agents_count: 0,
    created_at: 1_700_000_000,
    updated_at: 1_700_000_000,
    version: null,
    last_error: null,
    last_probe_at: null,
    tls_insecure: false,
    failover_priority: null,
    session_idle_s: null,
    session_stuck_s: null,
    token_set_at: null,
    token_stale: false,
    token_rotated_at: null,
    token_rotation_mode: null,
    rotate_every_days: null,
    token_pending_expires_at: null,
    token_mismatches: 0,
    ...overrides,
  }
}

/** One stored probe of gateway 1, online in 12 ms unless told otherwise. Unit tests only. */
export function makeProbe(overrides: Partial<Probe> & Pick<Probe, 'id' | 'probed_at'>): Probe {
  return {
    gateway_id: 1,
    status: 'online',
    latency: 12,
    sessions_count: 0,
    agents_count: 1,
    version: '2026.9.6',
    error: null,
    ...overrides,
  }
}
