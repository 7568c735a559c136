import type { TestProject } from 'vitest/node'
import { ensureOpenclaw, type OpenclawInstallation } from './install.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    openclaw: OpenclawInstallation
  }
}

export default async function setup(project: TestProject) {
  const installation = await ensureOpenclaw()
  console.log(
    installation.installSeconds === null
      ? `openclaw interop: using the cached install in ${installation.folder}`
      : `openclaw interop: installed Node and openclaw in ${installation.installSeconds} s`,
  )
  project.provide('openclaw', installation)
}
