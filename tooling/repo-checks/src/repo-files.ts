import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url))

/** The files of the repository as a clone has them: tracked or new, not git-ignored (posix paths). */
export interface RepoFiles {
  files: ReadonlySet<string>
  read(file: string): string
}

export function repoFiles(root = REPO_ROOT): RepoFiles {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  // A tracked file deleted in the work tree is still listed until the deletion is committed.
  const files = listed.split('\0').filter((file) => file !== '' && existsSync(path.join(root, file)))
  return { files: new Set(files), read: (file) => readFileSync(path.join(root, file), 'utf8') }
}
