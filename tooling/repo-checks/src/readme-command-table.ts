// Every command README.md shows, and what runs it. `readme-commands.test.ts` (part of `npm test`)
// fails when the README shows a command this table does not list, or lists one the README no longer
// shows; `readme-on-a-fresh-clone.e2e.ts` (`npm run test:readme`) runs each `run` entry as written.

/** The tests of the fresh-clone suite; each runs the commands that name it. */
export type Step =
  | 'start'
  | 'event stream'
  | 'mc-agent'
  | 'reset password'
  | 'rotate secret key'
  | 'repository scripts'
  | 'dev'
  | 'bench'

export type Coverage =
  /**
   * Run as shown by the fresh-clone suite's `step`, in a bash in the clone. `placeholders`: text of
   * the command the suite replaces, and with what. Besides these, a default port the machine running
   * the suite already uses (3000, 54329, 63799) is replaced by a free one, which the run prints.
   */
  | { kind: 'run'; step: Step; placeholders?: Record<string, string>; note?: string }
  /** Part of a longer command the README shows, and run with it. */
  | { kind: 'part of'; whole: string }
  /** Run as shown by `.ci/run` (checked: the file contains the command). */
  | { kind: 'ci'; note?: string }
  /** Not run, and why; `instead`: what checks the same thing. */
  | { kind: 'not run'; why: string; instead?: string }

export const README_COMMANDS: Record<string, Coverage> = {
  'npm ci && npm start': { kind: 'run', step: 'start' },
  'npm ci': { kind: 'part of', whole: 'npm ci && npm start' },
  'npm start': { kind: 'part of', whole: 'npm ci && npm start' },
  'npm ci && npm test': { kind: 'ci' },
  'npm test': { kind: 'part of', whole: 'npm ci && npm test' },
  'npm run test:interop': { kind: 'ci' },
  'npm run test:readme': { kind: 'ci', note: 'this suite' },
  'curl -N -H "x-api-key: KEY" http://localhost:3000/api/events': {
    kind: 'run',
    step: 'event stream',
    placeholders: { KEY: 'an operator key the suite creates as admin (Settings → API keys)' },
  },
  'export MC_API_KEY=…': {
    kind: 'run',
    step: 'mc-agent',
    placeholders: { '…': 'the same operator key' },
  },
  'npx --no -- mc-agent --url http://localhost:3000 --name codex-session-01 --tool codex -- codex': {
    kind: 'run',
    step: 'mc-agent',
    note:
      '`codex` is a stand-in script first on the PATH (the tool is the reader’s own); run once as ' +
      '`npm start` leaves the clone and once without packages/agent-cli/dist, as right after `npm ci`',
  },
  'DATABASE_URL=postgres://postgres:postgres@127.0.0.1:54329/mission_control npm run reset-password -- admin':
    {
      kind: 'run',
      step: 'reset password',
    },
  'npm run reset-password -- admin': {
    kind: 'part of',
    whole:
      'DATABASE_URL=postgres://postgres:postgres@127.0.0.1:54329/mission_control npm run reset-password -- admin',
  },
  'openssl rand -base64 32': { kind: 'run', step: 'rotate secret key', note: 'its output is the new key' },
  'npm run reencrypt-tokens': {
    kind: 'run',
    step: 'rotate secret key',
    note: 'with MC_SECRET_KEY_OLD, MC_SECRET_KEY and DATABASE_URL set as the README says; run to the new key and back',
  },
  'npm run build': { kind: 'run', step: 'repository scripts' },
  'npm run typecheck': {
    kind: 'not run',
    why: 'minutes on 2 busy cores (`tsc` of every workspace), for what CI checks anyway',
    instead: '`npm test` in .ci/run runs `turbo run typecheck`, which is all `npm run typecheck` runs',
  },
  'npm run lint': { kind: 'run', step: 'repository scripts' },
  'npm run format': { kind: 'run', step: 'repository scripts', note: 'must leave the clone unchanged' },
  'npm run db:generate': {
    kind: 'run',
    step: 'repository scripts',
    note: 'must find no schema change to write',
  },
  'npm run dev': { kind: 'run', step: 'dev', note: 'after Ctrl-C of `npm start`, then stopped with Ctrl-C' },
  'npm run bench': {
    kind: 'not run',
    why: 'about 12 minutes on this machine, most of it writing 30 days of probe history',
    instead:
      '`BENCH_SMOKE=1 npm run bench` (run) runs every benchmark, the same code at a small scale, and checks each prints its table',
  },
  'BENCH_SMOKE=1 npm run bench': {
    kind: 'run',
    step: 'bench',
    note: 'its targets are not asserted: numbers move with load, and this scale means nothing',
  },
  'npm test -w @mc/api': {
    kind: 'not run',
    why: 'minutes of tests that CI runs anyway',
    instead:
      '`npm test` in .ci/run runs every workspace’s `test` script; readme-commands.test.ts checks the script exists',
  },
  'npm run test:e2e -w @mc/web': {
    kind: 'not run',
    why: 'the browser suite, which CI runs anyway',
    instead:
      '`npm test` in .ci/run runs the `test:e2e` script; readme-commands.test.ts checks the script exists',
  },
  'apt-get install redis-server': {
    kind: 'not run',
    why: 'installs system packages',
    instead: '.ci/run installs redis-server the same way on a machine without it',
  },
  'apt-get install chromium': {
    kind: 'not run',
    why: 'installs system packages',
    instead: '.ci/run installs chromium the same way on a machine without it',
  },
  'docker compose up -d': {
    kind: 'not run',
    why: 'builds images and starts containers',
    instead: 'the suite runs `docker compose config` on the clone where `docker compose` exists',
  },
  'docker compose exec api node apps/api/dist/reset-password.js admin': {
    kind: 'not run',
    why: 'needs the compose stack running',
    instead: 'the script it runs is the one `npm run reset-password` runs, which the suite runs',
  },
  'docker compose exec -e MC_NEW_PASSWORD=… api …': {
    kind: 'not run',
    why: 'an abbreviated form of the command above, not a command to copy',
  },
}
