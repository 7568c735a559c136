import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../http/app-env.ts'

/**
 * Serves the built SPA: hashed assets cached for a year, every other GET answered with index.html
 * so client-side routes survive a reload or a deep link.
 */
export function spaRoutes(distDir: string) {
  const app = new Hono<AppEnv>()
  const indexPath = path.join(distDir, 'index.html')
  if (!existsSync(indexPath)) {
    return app.get('*', (c) =>
      c.json(
        { error: `web app not built: ${indexPath} is missing (run npm run build, or use npm run dev)` },
        404,
      ),
    )
  }
  const indexHtml = readFileSync(indexPath, 'utf8')
  const serveIndex = (c: Context<AppEnv>) => {
    c.header('cache-control', 'no-cache')
    return c.html(indexHtml)
  }
  return app
    .get('/', serveIndex)
    .use('/assets/*', async (c, next) => {
      await next()
      if (c.res.status === 200) c.res.headers.set('cache-control', 'public, max-age=31536000, immutable')
    })
    .use('*', serveStatic({ root: distDir }))
    .get('*', serveIndex)
}
