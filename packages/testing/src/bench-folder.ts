import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * `npm run bench` of a workspace: every benchmark file in the folder of `runnerUrl` (not support/,
 * not the runner itself), one after the other, each in its own process so one's load never overlaps
 * another's. Exits non-zero when one failed to run.
 */
export function runBenchFolder(runnerUrl: string): never {
  const here = fileURLToPath(new URL('.', runnerUrl))
  const self = fileURLToPath(runnerUrl)
  const benches = readdirSync(here)
    .filter((file) => file.endsWith('.ts') && `${here}${file}` !== self)
    .sort()
  let failed = 0
  for (const file of benches) {
    console.log(`\n# ${file}`)
    const { status } = spawnSync(process.execPath, ['--import', 'tsx', `${here}${file}`], {
      stdio: 'inherit',
    })
    if (status !== 0) failed++
  }
  process.exit(failed === 0 ? 0 : 1)
}
