import { pyTruthy } from '../python/py-ops.js'
import { pyStr } from '../python/py-str.js'
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
  { name: 'yesno', arity: 'optional', apply: yesno }
]
