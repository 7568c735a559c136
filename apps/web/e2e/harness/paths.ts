import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const repoFile = (relative: string) => fileURLToPath(new URL(`../../../../${relative}`, import.meta.url))

/** The build outputs the suite runs: the product exactly as it ships, not a dev server. */
export const paths = {
  repoRoot: repoFile(''),
  apiMain: repoFile('apps/api/dist/main.js'),
  workerMain: repoFile('apps/worker/dist/main.js'),
  webIndex: repoFile('apps/web/dist/index.html'),
  artifacts: repoFile('apps/web/e2e-artifacts'),
}

/** Fails with the command to run when something the suite needs was not built. */
export function assertBuilt(): void {
  const missing = [paths.apiMain, paths.workerMain, paths.webIndex].filter((file) => !existsSync(file))
  if (missing.length > 0) {
    throw new Error(
      `e2e needs the built product; missing:\n  ${missing.join('\n  ')}\n` +
        'build it with: npx turbo run build --filter=@mc/web --filter=@mc/api --filter=@mc/worker',
    )
  }
}
