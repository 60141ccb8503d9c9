import { PyTypeError } from './py-ops.js'
import { SafeString } from './safe-string.js'

// Python's `str.isspace()` characters (JavaScript's `\s` differs).
const PY_SPACE = String.raw`[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a` +
  String.raw`\u2028\u2029\u202f\u205f\u3000]`

/** A run of Python whitespace: what `str.split()` splits on. */
export const PY_WHITESPACE = new RegExp(`${PY_SPACE}+`, 'u')

const PY_SPACE_CHAR = new RegExp(`^${PY_SPACE}$`, 'u')
const DECIMAL_DIGIT = /^\p{Nd}$/u
const DIGITS = String.raw`\d(?:_?\d)*`
const INT_TEXT = new RegExp(`^[+-]?${DIGITS}$`)
const FLOAT_TEXT = new RegExp(
  `^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})` +
  `(?:[eE][+-]?${DIGITS})?$`)
const FLOAT_WORD = /^([+-]?)(inf|infinity|nan)$/i

/**
 * The value of a Unicode decimal digit. Unicode encodes every set of
 * decimal digits as one run of ten, 0 to 9, so the position in the run
 * of adjacent digits is the value. Node's Unicode is newer than the
 * oracle's Python 3.11 (Unicode 14): digits of scripts added since
 * (Kawi, Garay…) are numbers here where that Python raises ValueError.
 */
function digitValue (ch: string): number {
  let cp = ch.codePointAt(0) ?? 0
  let offset = 0
  while (DECIMAL_DIGIT.test(String.fromCodePoint(cp - 1))) {
    cp--
    offset++
  }
  return offset % 10
}

/**
 * CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`, then its strip
 * of ASCII whitespace: what `int()` and `float()` parse. Undefined when a
 * character is neither ASCII, whitespace nor a decimal digit.
 */
function numberText (text: string): string | undefined {
  let out = ''
  for (const ch of text) {
    if ((ch.codePointAt(0) ?? 0) < 127) out += ch
    else if (PY_SPACE_CHAR.test(ch)) out += ' '
    else if (DECIMAL_DIGIT.test(ch)) out += String(digitValue(ch))
    else return undefined
  }
  return out.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '')
}

function stringOf (value: unknown): string | undefined {
  if (value instanceof SafeString) return value.value
  return typeof value === 'string' ? value : undefined
}

/**
 * Python `float(value)`: a number, or undefined where Python raises
 * ValueError (a string that is not a number). Throws PyTypeError for a
 * value float() does not take, and RangeError for an int too large.
 */
export function pyFloat (value: unknown): number | undefined {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number') return value
  if (typeof value === 'bigint') {
    const n = Number(value)
    if (!Number.isFinite(n)) {
      throw new RangeError('int too large to convert to float')
    }
    return n
  }
  const text = stringOf(value)
  if (text === undefined) throw new PyTypeError('float() argument')
  const number = numberText(text)
  if (number === undefined) return undefined
  const word = FLOAT_WORD.exec(number)
  if (word !== null) {
    if (word[2]?.toLowerCase() === 'nan') return NaN
    return word[1] === '-' ? -Infinity : Infinity
  }
  if (!FLOAT_TEXT.test(number)) return undefined
  return Number(number.replaceAll('_', ''))
}

/**
 * Python `int(value)`, exactly: floats truncate, strings are base 10.
 * Undefined wherever Python raises (ValueError, OverflowError, TypeError).
 */
export function pyIntExact (value: unknown): bigint | undefined {
  if (typeof value === 'boolean') return value ? 1n : 0n
  if (typeof value === 'bigint') return value
  if (typeof value === 'number') {
    return Number.isFinite(value) ? BigInt(Math.trunc(value)) : undefined
  }
  const text = stringOf(value)
  if (text === undefined) return undefined
  const number = numberText(text)
  if (number === undefined || !INT_TEXT.test(number)) return undefined
  return BigInt(number.replaceAll('_', ''))
}
