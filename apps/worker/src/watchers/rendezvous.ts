/**
 * The worker that should watch `gatewayId` among `workers`: rendezvous (highest random weight)
 * hashing, so every worker with the same view picks the same owner without talking to the others,
 * and a worker joining or leaving moves only the gateways it wins or held (about 1/n of them).
 */
export function rendezvousOwner(gatewayId: number, workers: readonly string[]): string | undefined {
  let owner: string | undefined
  let best = -1
  for (const worker of workers) {
    const weight = mix(fnv1a(`${worker}\u0000${gatewayId}`))
    if (weight > best || (weight === best && owner !== undefined && worker < owner)) {
      best = weight
      owner = worker
    }
  }
  return owner
}

// FNV-1a then a murmur3 finaliser: cheap (a tick hashes every gateway against every worker) and
// well spread even for ids and names that differ in one character.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

function mix(value: number): number {
  let hash = value
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return hash >>> 0
}
