/**
 * Just enough of Python's `Decimal` for `floatformat`: exact parsing of a
 * decimal string and ROUND_HALF_UP quantizing, on BigInt so that
 * `2.675|floatformat:2` is `2.68` as in Django, not `2.67` as `toFixed` says.
 */
export interface Decimal {
  negative: boolean
  /** The value is `coefficient * 10 ** exponent`. */
  coefficient: bigint
  exponent: number
}

const DECIMAL = /^\s*([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/

/** Parses what `Decimal(text)` accepts (finite values only). */
export function parseDecimal (text: string): Decimal | undefined {
  const m = DECIMAL.exec(text)
  if (m === null) return undefined
  const [, sign, whole = '', fraction = '', exp = '0'] = m
  if (whole === '' && fraction === '') return undefined
  return {
    negative: sign === '-',
    coefficient: BigInt(whole + fraction),
    exponent: Number(exp) - fraction.length
  }
}

/** True when the value has a non-zero fractional part. */
export function hasFraction (d: Decimal): boolean {
  if (d.exponent >= 0) return false
  return d.coefficient % 10n ** BigInt(-d.exponent) !== 0n
}

/** The integer part, truncated toward zero, without sign. */
export function integerPart (d: Decimal): bigint {
  if (d.exponent >= 0) return d.coefficient * 10n ** BigInt(d.exponent)
  return d.coefficient / 10n ** BigInt(-d.exponent)
}

/**
 * Rounds to `places` decimals, ties away from zero, and returns the
 * absolute value scaled by `10 ** places`.
 */
export function quantizeHalfUp (d: Decimal, places: number): bigint {
  const shift = d.exponent + places
  if (shift >= 0) return d.coefficient * 10n ** BigInt(shift)
  const divisor = 10n ** BigInt(-shift)
  const quotient = d.coefficient / divisor
  const remainder = d.coefficient % divisor
  return remainder * 2n >= divisor ? quotient + 1n : quotient
}

/** Writes `scaled / 10 ** places` with exactly `places` decimals. */
export function formatScaled (
  negative: boolean, scaled: bigint, places: number
): string {
  const digits = scaled.toString().padStart(places + 1, '0')
  const whole = digits.slice(0, digits.length - places)
  const fraction = places > 0 ? `.${digits.slice(-places)}` : ''
  const sign = negative && scaled !== 0n ? '-' : ''
  return `${sign}${whole}${fraction}`
}
