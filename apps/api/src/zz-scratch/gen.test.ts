import fc from 'fast-check'
import { it } from 'vitest'
import { hostileJson, hostileString, missingParam, notJson } from '../testing/hostile-values.ts'

it('gen speed', () => {
  for (const [name, arb] of Object.entries({ hostileJson, hostileString, missingParam, notJson })) {
    const t0 = performance.now()
    fc.sample(arb as fc.Arbitrary<unknown>, { seed: 1, numRuns: 2000 })
    console.log(name, (performance.now() - t0).toFixed(0), 'ms / 2000')
  }
})
