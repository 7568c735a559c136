import { afterEach } from 'vitest'
import { type FakeGateway, type FakeGatewayOptions, startFakeGateway } from '../fake/index.ts'

/**
 * Starts fake gateways for a test file (with `token`, else the fake's own) and stops each after the
 * test that started it.
 */
export function useFakeGateways(token?: string) {
  const fakes: FakeGateway[] = []
  afterEach(() => Promise.all(fakes.splice(0).map((fake) => fake.stop())))
  return async (options: FakeGatewayOptions = {}): Promise<FakeGateway> => {
    const fake = await startFakeGateway({ ...(token === undefined ? {} : { token }), ...options })
    fakes.push(fake)
    return fake
  }
}
