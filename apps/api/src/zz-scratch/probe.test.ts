import { it } from 'vitest'
import { makeApiKey } from '../testing/factories.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()

it('probe', async () => {
  const { key } = await makeApiKey(t.deps.db, 'admin')
  const h = { 'x-api-key': key, 'content-type': 'application/json' }
  const cases: [string, string, string?][] = [
    ['GET', '/api/agents/%25'],
    ['GET', '/api/agents/%'],
    ['GET', '/api/agents/%zz'],
    ['GET', '/api/agents/%ff'],
    ['GET', '/api/gateways/%ff'],
    ['GET', '/api/keys/%ff'],
    ['DELETE', '/api/keys/%ff'],
    ['GET', '/api/agents/2147483648'],
    ['GET', '/api/agents/a%00b'],
    ['PUT', '/api/gateways', '{"id":2147483648}'],
    ['PUT', '/api/gateways', '{"id":1}'],
    ['DELETE', '/api/gateways', '{"id":2147483648}'],
    ['GET', '/api/gateways/health/recent?ids=2147483648'],
    ['GET', '/api/gateways/health'],
    ['POST', '/api/health'],
    ['GET', '/api/agents?q=%00'],
    ['GET', '/api/connect?agent=%00'],
    ['GET', '/api/audit?action=%00'],
    ['GET', '/api/audit?action=%ff'],
    ['GET', '/api/audit?action=%'],
    ['POST', '/api/auth/login', '{"username":"a\\u0000","password":"x"}'],
    ['POST', '/api/connect', '{"agent_name":"a","tool_name":"t","metadata":{"a":"\\ud800"}}'],
    ['POST', '/api/connect', '{"agent_name":"a","tool_name":"t","metadata":{"\\ud800":1}}'],
    ['POST', '/api/connect', `{"agent_name":"a","tool_name":"t","metadata":{"a":${'['.repeat(4500)}${']'.repeat(4500)}}}`],
    ['POST', '/api/keys', '{"name":"a\\u0000","role":"admin"}'],
  ]
  for (const [method, path, body] of cases) {
    const res = await t.app.request(path, { method, headers: h, body })
    console.log(method, path.slice(0, 60), (body ?? '').slice(0, 60), res.status, (await res.text()).slice(0, 150))
  }
})
