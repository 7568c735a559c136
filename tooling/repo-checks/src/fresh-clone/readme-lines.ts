import { README_COMMANDS, type Step } from '../readme-command-table.ts'
import { shownCommands } from '../readme-commands.ts'

/** A README line as the suite runs it, and as it logs it (placeholders kept: they stand for secrets). */
export interface ReadmeLine {
  line: string
  shown: string
}

/** A default port the README shows, and the free one the suite uses because it is taken here. */
export interface PortSwap {
  shown: string
  used: string
}

/**
 * The README's command lines for the fresh-clone suite's steps, as shown but for the table's
 * placeholders and taken ports; remembers which commands it handed out.
 */
export function readmeLines(markdown: string, swaps: readonly PortSwap[]) {
  const commands = shownCommands(markdown)
  const ran = new Set<string>()
  return {
    ran: ran as ReadonlySet<string>,
    /** The lines of `step`'s commands in README order; `values`: what replaces each placeholder. */
    of(step: Step, values: Record<string, string> = {}): ReadmeLine[] {
      const lines: Array<ReadmeLine & { at: number }> = []
      const used = new Set<string>()
      for (const [command, coverage] of Object.entries(README_COMMANDS)) {
        if (coverage.kind !== 'run' || coverage.step !== step) continue
        const at = commands.findIndex((entry) => entry.command === command)
        if (at < 0) throw new Error(`the clone's README.md does not show \`${command}\` (commit it first?)`)
        let shownLine = commands[at]?.line ?? ''
        for (const swap of swaps) shownLine = shownLine.replaceAll(swap.shown, swap.used)
        let line = shownLine
        for (const placeholder of Object.keys(coverage.placeholders ?? {})) {
          const value = values[placeholder]
          if (value === undefined) throw new Error(`no value for ${placeholder} in \`${command}\``)
          line = line.replaceAll(placeholder, value)
          used.add(placeholder)
        }
        lines.push({ at, line, shown: shownLine })
        ran.add(command)
      }
      const unused = Object.keys(values).filter((placeholder) => !used.has(placeholder))
      if (unused.length > 0)
        throw new Error(`${step}: no command declares the placeholders ${unused.join(', ')}`)
      return lines.sort((a, b) => a.at - b.at).map(({ line, shown }) => ({ line, shown }))
    },
  }
}
