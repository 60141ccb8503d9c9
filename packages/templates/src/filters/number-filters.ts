import {
  formatScaled, hasFraction, integerPart, parseDecimal, quantizeHalfUp
} from '../python/decimal.js'
import type { Decimal } from '../python/decimal.js'
import { FilterArgumentError } from '../errors.js'
import { pyIntExact } from '../python/py-number.js'
import { pyInt } from '../python/py-ops.js'
import { pyNumberStr, pyRepr, pyStr } from '../python/py-str.js'
import { SafeString } from '../python/safe-string.js'
import type { DjangoFilter } from './define-filter.js'

interface FloatFormatArg {
  places: number | undefined
  grouping: boolean
}

/** Splits Django's `g` (thousands grouping) and `u` suffixes off the arg. */
function parseFloatFormatArg (arg: unknown): FloatFormatArg {
  if (typeof arg !== 'string' && !(arg instanceof SafeString)) {
    return { places: arg === undefined ? -1 : pyInt(arg), grouping: false }
  }
  const match = /^(.*?)(g|u|gu|ug)?$/.exec(pyStr(arg))
  const rest = match?.[1] ?? ''
  return {
    places: rest === '' ? -1 : pyInt(rest),
    grouping: (match?.[2] ?? '').includes('g')
  }
}

function toDecimal (value: unknown): Decimal | undefined {
  if (typeof value === 'boolean') return parseDecimal(value ? '1' : '0')
  if (typeof value === 'number') return parseDecimal(pyNumberStr(value))
  return parseDecimal(pyStr(value))
}

/** Groups the integer digits by three with ',', as for `en` locales. */
function group (number: string): string {
  const [whole = '', fraction] = number.split('.')
  const sign = whole.startsWith('-') ? '-' : ''
  const digits = whole.slice(sign.length)
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return sign + grouped + (fraction === undefined ? '' : `.${fraction}`)
}

/**
 * Django's `floatformat`: one decimal only when there is a fraction by
 * default, `n` always shows n places, `-n` shows n places only when there
 * is a fraction; ROUND_HALF_UP on the decimal text of the number.
 */
function floatformat (value: unknown, arg: unknown): unknown {
  const d = toDecimal(value)
  if (d === undefined) return ''
  const { places, grouping } = parseFloatFormatArg(arg)
  // Django hands back repr() of the input when the argument is no int.
  if (places === undefined) return pyRepr(value)
  const fractional = hasFraction(d)
  let text: string
  if (!fractional && places <= 0) {
    text = formatScaled(d.negative, integerPart(d), 0)
  } else {
    const p = Math.abs(places)
    text = formatScaled(d.negative, quantizeHalfUp(d, p), p)
  }
  return grouping ? group(text) : text
}

/**
 * Django's `add`: integer addition when both sides pass `int()`, else
 * Python `+` for two strings or two lists, else ''.
 */
function add (value: unknown, arg: unknown): unknown {
  const a = pyInt(value)
  const b = pyInt(arg)
  if (a !== undefined && b !== undefined) return a + b
  const x = value instanceof SafeString ? value.value : value
  const y = arg instanceof SafeString ? arg.value : arg
  if (typeof x === 'string' && typeof y === 'string') {
    // SafeString + SafeString stays safe in Django.
    const safe = value instanceof SafeString && arg instanceof SafeString
    return safe ? new SafeString(x + y) : x + y
  }
  if (Array.isArray(x) && Array.isArray(y)) return [...x, ...y]
  return ''
}

function wholeOf (value: unknown): bigint {
  const whole = pyIntExact(value)
  if (whole === undefined) {
    throw new FilterArgumentError('divisibleby',
      `int() cannot convert ${pyRepr(value)}`)
  }
  return whole
}

/**
 * Django's `int(value) % int(arg) == 0`, exact on big integers; a value
 * int() refuses and a zero divisor fail the render, as they raise there.
 */
function divisibleby (value: unknown, arg: unknown): boolean {
  const dividend = wholeOf(value)
  const divisor = wholeOf(arg)
  if (divisor === 0n) {
    throw new FilterArgumentError('divisibleby',
      'integer modulo by zero')
  }
  return dividend % divisor === 0n
}

/** Filters on numbers. */
export const numberFilters: DjangoFilter[] = [
  { name: 'floatformat', arity: 'optional', isSafe: true, apply: floatformat },
  { name: 'add', arity: 'required', apply: add },
  { name: 'divisibleby', arity: 'required', apply: divisibleby }
]
