// npm run bench: every benchmark file in this folder, each in its own process.
import { runBenchFolder } from '@mc/testing/bench-folder'

runBenchFolder(import.meta.url)
