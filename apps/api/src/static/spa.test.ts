import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()

beforeAll(async () => {
  await mkdir(path.join(t.webDistDir, 'assets'), { recursive: true })
  await writeFile(path.join(t.webDistDir, 'assets', 'app-abc123.js'), 'console.log("app")')
})

describe('the SPA', () => {
  it('is served at / with a no-cache index', async () => {
    const res = await t.app.request('/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(await res.text()).toContain('<div id="root">')
  })

  it('answers client-side routes (deep links) with index.html', async () => {
    const res = await t.app.request('/gateways/42')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<div id="root">')
  })

  it('serves hashed assets with a long immutable cache', async () => {
    const res = await t.app.request('/assets/app-abc123.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect(await res.text()).toBe('console.log("app")')
  })
})
