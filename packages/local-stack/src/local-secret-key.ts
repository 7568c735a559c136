import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * The MC_SECRET_KEY of a local install: read from `<dataDir>/secret.key`, created there (readable by
 * the owner only) on first use. It must stay with the database: it decrypts the stored gateway tokens.
 */
export async function localSecretKey(
  dataDir: string,
): Promise<{ key: string; file: string; created: boolean }> {
  const file = path.join(dataDir, 'secret.key')
  if (existsSync(file)) return { key: (await readFile(file, 'utf8')).trim(), file, created: false }
  await mkdir(dataDir, { recursive: true })
  const key = randomBytes(32).toString('base64')
  await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' })
  return { key, file, created: true }
}
