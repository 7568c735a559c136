import { BlockList, isIP } from 'node:net'
import { envBoolean } from '@mc/runtime'
import { z } from 'zod'

/**
 * TRUST_PROXY: which hops in front of the api are reverse proxies of ours. Hop 0 is the socket's
 * peer, hop 1 the right-most X-Forwarded-For entry (what that peer received the request from), and
 * so on leftwards; the client is the first hop that is not one of our proxies.
 */
export interface TrustedProxies {
  trusts(address: string, hop: number): boolean
}

/** More hops than any real chain of proxies: a larger number is a typo. */
const MAX_HOPS = 10

const nobody: TrustedProxies = { trusts: () => false }

/** The `count` hops nearest to the api, whatever their addresses (`true` is one). */
const nearest = (count: number): TrustedProxies => ({ trusts: (_address, hop) => hop < count })

/** Whichever hops have one of these addresses, however many there are. */
function atAddresses(list: BlockList): TrustedProxies {
  return {
    trusts(address) {
      const version = isIP(address)
      return version !== 0 && list.check(address, version === 6 ? 'ipv6' : 'ipv4')
    },
  }
}

/** Adds `10.0.0.0/8`, `127.0.0.1`, `fd00::/8` or `::1` to `list`; false when it is none of these. */
function addAddressOrCidr(list: BlockList, entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/')
  const version = isIP(address)
  if (version === 0 || extra !== undefined) return false
  const type = version === 6 ? 'ipv6' : 'ipv4'
  if (prefix === undefined) {
    list.addAddress(address, type)
    return true
  }
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN
  if (!(bits <= (version === 6 ? 128 : 32))) return false
  list.addSubnet(address, bits, type)
  return true
}

const asFlag = envBoolean(false)

/** `false` (default), `true` (one proxy), a number of proxies, or the proxies' addresses/CIDRs. */
export const trustProxySchema = z
  .string()
  .optional()
  .transform((value, ctx): TrustedProxies => {
    const text = value?.trim() ?? ''
    const flag = asFlag.safeParse(text)
    if (flag.success) return flag.data ? nearest(1) : nobody
    if (/^\d+$/.test(text) && Number(text) <= MAX_HOPS) return nearest(Number(text))
    const list = new BlockList()
    const bad = text.split(',').filter((entry) => !addAddressOrCidr(list, entry.trim()))
    if (bad.length === 0) return atAddresses(list)
    ctx.addIssue({
      code: 'custom',
      message:
        `expected false, true, a number of proxies (1-${MAX_HOPS}), or the proxies' addresses or CIDRs ` +
        `(e.g. 10.0.0.0/8,127.0.0.1); "${bad.join(',').trim()}" is none of these`,
    })
    return z.NEVER
  })
