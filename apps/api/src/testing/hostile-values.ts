import fc from 'fast-check'

/**
 * Building blocks of the bad-input fuzz test: values a careless or hostile client sends. None of
 * them names a row a test seeds (those have ids below FIRST_MISSING_ID), so a request that acts on
 * the row it names can only fail.
 */
export const FIRST_MISSING_ID = 1_000_000

const numbers = fc.oneof(
  fc.constantFrom(0, -0, -1, 0.5, 1e-9, 65536, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 63, 1e308, -1e308),
  fc.integer({ min: FIRST_MISSING_ID, max: 2 ** 31 - 1 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
)

const nastyStrings = fc.constantFrom(
  '',
  ' ',
  'NaN',
  'Infinity',
  '-1',
  '1e3',
  '0x10',
  'null',
  'true',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\udc00\ud800',
  '%00',
  '%zz',
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '🙂',
  '\u202e',
  'A'.repeat(5000),
)

export const hostileString = fc.oneof(
  nastyStrings,
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
)

export const hostileScalar = fc.oneof(numbers, hostileString, fc.boolean(), fc.constant(null))

/** Any JSON value, nested a little, built from the scalars above; object keys are hostile too. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileScalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value

/** A row id that cannot exist: out of the int4 range, not a whole number, not a number, or unseeded. */
export const missingId: fc.Arbitrary<unknown> = fc.oneof(
  numbers.filter((n) => !(Number.isInteger(n) && n >= 1 && n < FIRST_MISSING_ID)),
  hostileString,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 2 }),
)

/** A path parameter (as sent, percent-encoded) that names no row. */
export const missingParam: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0', '00', '-1', '1.5', '1e3', '0x10', '+1', 'NaN', 'Infinity', 'null', 'undefined'),
  fc.constantFrom(
    '2147483648',
    '9999999999',
    '99999999999999999999',
    '%25',
    '%2F',
    'a%2Fb',
    '%20',
    '%E2%82%AC',
  ),
  fc.integer({ min: FIRST_MISSING_ID, max: 2 ** 31 - 1 }).map(String),
  fc.bigInt({ min: 2n ** 31n, max: 2n ** 80n }).map(String),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
    .filter((text) => !/^\d+$/.test(text) && text !== '.' && text !== '..')
    .map(encodeURIComponent),
  fc.string({ unit: 'grapheme-ascii', minLength: 201, maxLength: 300 }).map(encodeURIComponent),
)

/** Percent-encoding no server should decode: malformed, not UTF-8 (overlong, surrogate, past U+10FFFF), or NUL. */
export const badEncoding = fc.constantFrom(
  '%',
  '%%',
  '%2',
  '%z',
  '%zz',
  '%g1',
  '%ff',
  '%80',
  '%c3',
  '%c0%80',
  '%e0%a4',
  '%ed%a0%80',
  '%f4%90%80%80',
  '%00',
  'a%00b',
)

/** Text that JSON.parse refuses. */
export const notJson = fc
  .oneof(
    fc.constantFrom('{', '{"a":', "{'a':1}", '{"a":1,}', 'undefined', 'NaN', '[1,]', '\u0000', '{"a":"\\x"}'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).map((text) => `{${text}`),
  )
  .filter((text) => {
    try {
      JSON.parse(text)
      return false
    } catch {
      return true
    }
  })

/** Text Postgres cannot store, to hide somewhere in a body. */
export const unstorableText = fc.constantFrom('\u0000', 'a\u0000', '\ud800', 'b\udbff', '\udc00', '\udfffz')

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) is sent as the three bytes
 * UTF-8 would give its code unit: what a careless client produces, and not UTF-8.
 */
export function percentEncode(text: string): string {
  return text.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (char) => {
    const unit = char.charCodeAt(0)
    if (char.length === 2 || unit < 0xd800 || unit > 0xdfff) return encodeURIComponent(char)
    return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
      .map((byte) => `%${byte.toString(16).toUpperCase()}`)
      .join('')
  })
}
