import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The files of the reference page, served by the API itself under /api/docs/: no CDN, so the
 * reference works offline and under a Content-Security-Policy that only allows 'self'.
 */
export const REFERENCE_FILES = [
  { name: 'swagger-ui.css', mediaType: 'text/css' },
  { name: 'swagger-ui-bundle.js', mediaType: 'text/javascript' },
  { name: 'swagger-initializer.js', mediaType: 'text/javascript' },
] as const

export type ReferenceFileName = (typeof REFERENCE_FILES)[number]['name']

/**
 * Starts Swagger UI on the document. A file rather than an inline script, so a CSP without
 * 'unsafe-inline' still runs it; a relative URL, so it works behind a proxy's path prefix too.
 */
const INITIALIZER = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: 'openapi.json', dom_id: '#swagger-ui', deepLinking: true })
})
`

function readFile(name: ReferenceFileName): string {
  if (name === 'swagger-initializer.js') return INITIALIZER
  const dist = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
  return readFileSync(path.join(dist, name), 'utf8')
}

// Read on first use: nearly 2 MB that a process nobody reads the reference of need not hold.
const texts = new Map<ReferenceFileName, { text: string; version: string }>()

export function referenceFile(name: ReferenceFileName): { text: string; version: string } {
  let file = texts.get(name)
  if (!file) {
    const text = readFile(name)
    file = { text, version: createHash('sha256').update(text).digest('hex').slice(0, 12) }
    texts.set(name, file)
  }
  return file
}

/**
 * The page at /api/docs. Each file's URL carries a hash of its content, so the files can be cached
 * for good (a new version has a new URL); URLs are relative to the page, like the initializer's.
 */
export function referencePage(): string {
  const url = (name: ReferenceFileName) => `docs/${name}?v=${referenceFile(name).version}`
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Mission Control API reference</title>
    <link rel="stylesheet" href="${url('swagger-ui.css')}">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${url('swagger-ui-bundle.js')}"></script>
    <script src="${url('swagger-initializer.js')}"></script>
  </body>
</html>
`
}
