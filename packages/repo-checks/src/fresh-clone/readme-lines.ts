import { README_COMMANDS, type Step } from '../readme-command-table.ts'
import { shownCommands } from '../readme-commands.ts'

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
  const shown = shownCommands(markdown)
  const ran = new Set<string>()
  return {
    ran: ran as ReadonlySet<string>,
    /** The lines of `step`'s commands in README order; `values`: what replaces each placeholder. */
    of(step: Step, values: Record<string, string> = {}): string[] {
      const lines: Array<{ at: number; line: string }> = []
      const used = new Set<string>()
      for (const [command, coverage] of Object.entries(README_COMMANDS)) {
        if (coverage.kind !== 'run' || coverage.step !== step) continue
        const at = shown.findIndex((entry) => entry.command === command)
        if (at < 0) throw new Error(`the clone's README.md does not show \`${command}\` (commit it first?)`)
        let line = shown[at]?.line ?? ''
        for (const placeholder of Object.keys(coverage.placeholders ?? {})) {
          const value = values[placeholder]
          if (value === undefined) throw new Error(`no value for ${placeholder} in \`${command}\``)
          line = line.replaceAll(placeholder, value)
          used.add(placeholder)
        }
        for (const swap of swaps) line = line.replaceAll(swap.shown, swap.used)
        lines.push({ at, line })
        ran.add(command)
      }
      const unused = Object.keys(values).filter((placeholder) => !used.has(placeholder))
      if (unused.length > 0)
        throw new Error(`${step}: no command declares the placeholders ${unused.join(', ')}`)
      return lines.sort((a, b) => a.at - b.at).map(({ line }) => line)
    },
  }
}
