/** Who a request acts as: an API key, or a sign-in cookie sent as the web app sends it. */
export type Credential = { key: string } | { cookie: string }

export interface Answer {
  status: number
  body: unknown
  cookie?: string
}

/** Requests to a running Mission Control at `base` (`http://127.0.0.1:<port>`). */
export function missionControlApi(base: string) {
  async function call(method: string, path: string, as?: Credential, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = {}
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (as && 'key' in as) headers['x-api-key'] = as.key
    if (as && 'cookie' in as) {
      headers.cookie = as.cookie
      headers['sec-fetch-site'] = 'same-origin'
    }
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const cookie = res.headers.getSetCookie()[0]?.split(';')[0]
    return { status: res.status, body: await res.json().catch(() => undefined), cookie }
  }

  return {
    call,
    /** The cookie of a sign-in, or the failed answer's status. */
    async signIn(username: string, password: string): Promise<{ status: number; cookie?: string }> {
      const answer = await call('POST', '/api/auth/login', undefined, { username, password })
      return { status: answer.status, cookie: answer.cookie }
    },
    /** A new API key, created as Settings → API keys does. */
    async createKey(as: Credential, name: string, role: 'viewer' | 'operator' | 'admin'): Promise<string> {
      const answer = await call('POST', '/api/keys', as, { name, role })
      if (answer.status !== 201)
        throw new Error(`POST /api/keys: ${answer.status} ${JSON.stringify(answer.body)}`)
      return (answer.body as { key: string }).key
    },
  }
}
