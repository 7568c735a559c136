import { generateKeyPairSync, sign } from 'node:crypto'

// Node can sign but not build X.509 certificates, and a dependency only for test certificates is not
// worth it: this writes the few DER structures of one self-signed ECDSA P-256 certificate by hand.

const OID_ECDSA_SHA256 = '1.2.840.10045.4.3.2'
const OID_COMMON_NAME = '2.5.4.3'
const OID_SUBJECT_ALT_NAME = '2.5.29.17'

export interface SelfSignedCert {
  /** PEM private key (PKCS#8). */
  key: string
  /** PEM certificate. */
  cert: string
}

/** A fresh self-signed certificate for `localhost`, 127.0.0.1 and ::1, valid for a day. */
export function createSelfSignedCert(commonName = 'localhost'): SelfSignedCert {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const now = Date.now()
  const name = sequence(set(sequence(oid(OID_COMMON_NAME), utf8String(commonName))))
  const algorithm = sequence(oid(OID_ECDSA_SHA256))
  const tbs = sequence(
    tagged(0xa0, integer(Buffer.from([2]))),
    integer(Buffer.from([1, ...crypto.getRandomValues(new Uint8Array(8))])),
    algorithm,
    name,
    sequence(utcTime(new Date(now - 60_000)), utcTime(new Date(now + 86_400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    tagged(0xa3, sequence(subjectAltName(commonName))),
  )
  const signature = sign('sha256', tbs, privateKey)
  const der = sequence(tbs, algorithm, bitString(signature))
  const body = der.toString('base64').replace(/.{1,64}/g, '$&\n')
  return {
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    cert: `-----BEGIN CERTIFICATE-----\n${body}-----END CERTIFICATE-----\n`,
  }
}

function subjectAltName(dnsName: string): Buffer {
  const names = sequence(
    tlv(0x82, Buffer.from(dnsName, 'ascii')),
    tlv(0x87, Buffer.from([127, 0, 0, 1])),
    tlv(0x87, Buffer.from([...new Uint8Array(15), 1])),
  )
  return sequence(oid(OID_SUBJECT_ALT_NAME), tlv(0x04, names))
}

function tlv(tag: number, content: Buffer): Buffer {
  const length = content.length
  if (length < 0x80) return Buffer.concat([Buffer.from([tag, length]), content])
  const bytes: number[] = []
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff)
  return Buffer.concat([Buffer.from([tag, 0x80 | bytes.length, ...bytes]), content])
}

const sequence = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items))
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items))
const tagged = (tag: number, content: Buffer) => tlv(tag, content)
const utf8String = (value: string) => tlv(0x0c, Buffer.from(value, 'utf8'))
const bitString = (value: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), value]))

function integer(value: Buffer): Buffer {
  // DER integers are signed: a leading 1 bit needs a 0 byte in front to stay positive.
  const first = value[0] ?? 0
  return tlv(0x02, first & 0x80 ? Buffer.concat([Buffer.from([0]), value]) : value)
}

function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number)
  const bytes = [first * 40 + second]
  for (const part of rest) {
    const chunk = [part & 0x7f]
    for (let value = part >> 7; value > 0; value >>= 7) chunk.unshift((value & 0x7f) | 0x80)
    bytes.push(...chunk)
  }
  return tlv(0x06, Buffer.from(bytes))
}

function utcTime(date: Date): Buffer {
  const text = date
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, 'Z')
    .slice(2)
  return tlv(0x17, Buffer.from(text, 'ascii'))
}
