import { FilterArgumentError } from '../errors.js'
import { pyFloat } from '../python/py-number.js'
import { PyTypeError, pyLen, pyTruthy, pyTypeName } from '../python/py-ops.js'
import { pyStr } from '../python/py-str.js'
import { SafeString } from '../python/safe-string.js'
import type { DjangoFilter } from './define-filter.js'

/** Django's `yesno`: "yes,no,maybe", None picks the third (or the second). */
function yesno (value: unknown, arg: unknown): unknown {
  const bits = pyStr(arg ?? 'yes,no,maybe').split(',')
  if (bits.length < 2) return value
  const [yes, no] = bits as [string, string]
  const maybe = bits.length === 3 ? bits[2] : no
  if (value === null) return maybe
  return pyTruthy(value) ? yes : no
}

/** `'s'` or `'y,ies'` as [singular, plural]; undefined past two bits. */
function suffixes (arg: unknown): [string, string] | undefined {
  if (typeof arg !== 'string' && !(arg instanceof SafeString)) {
    // Python's `',' + arg` or `arg.split` raises for anything else.
    throw new FilterArgumentError('pluralize',
      `argument must be str, not ${pyTypeName(arg)}`)
  }
  const text = pyStr(arg)
  const bits = (text.includes(',') ? text : `,${text}`).split(',')
  if (bits.length > 2) return undefined
  return bits as [string, string]
}

/**
 * Django's `pluralize`: singular when `float(value) == 1`, else when the
 * value has a length of 1; '' for a string that is no number and for a
 * value with neither (None, a date).
 */
function pluralize (value: unknown, arg: unknown): string {
  const bits = suffixes(arg === undefined ? 's' : arg)
  if (bits === undefined) return ''
  const [singular, plural] = bits
  let number: number | undefined
  try {
    number = pyFloat(value)
  } catch (err) {
    if (!(err instanceof PyTypeError)) throw err
    const length = pyLen(value)
    if (length === undefined) return ''
    return length === 1 ? singular : plural
  }
  if (number === undefined) return ''
  return number === 1 ? singular : plural
}

/** Filters that choose between values. */
export const logicFilters: DjangoFilter[] = [
  {
    name: 'default',
    arity: 'required',
    apply: (value, arg) => pyTruthy(value) ? value : arg
  },
  {
    name: 'default_if_none',
    arity: 'required',
    apply: (value, arg) => value === null ? arg : value
  },
  { name: 'yesno', arity: 'optional', apply: yesno },
  { name: 'pluralize', arity: 'optional', apply: pluralize }
]
