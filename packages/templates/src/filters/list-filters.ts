import { FilterArgumentError } from '../errors.js'
import { PyTypeError, pyIter, pyLen, pyTypeName } from '../python/py-ops.js'
import { parseSliceArg, pySlice } from '../python/py-slice.js'
import { pyStr } from '../python/py-str.js'
import { SafeString, escapeHtml } from '../python/safe-string.js'
import type { DjangoFilter, FilterEnv } from './define-filter.js'

function conditionalEscape (value: unknown): string {
  return value instanceof SafeString ? value.value : escapeHtml(pyStr(value))
}

/**
 * Django's `join`: with autoescape each item and the glue are escaped and
 * the result is safe; without it Python's `str.join` refuses non-strings
 * and the value comes back unchanged.
 */
function join (value: unknown, arg: unknown, env: FilterEnv): unknown {
  let items: unknown[]
  try {
    items = pyIter(value)
  } catch (err) {
    if (err instanceof PyTypeError) return value
    throw err
  }
  // The glue is escaped even without autoescape, unless it is safe.
  const glue = conditionalEscape(arg ?? '')
  if (env.autoescape) {
    return new SafeString(items.map(conditionalEscape).join(glue))
  }
  const strings = items.map((v) => v instanceof SafeString ? v.value : v)
  if (!strings.every((v) => typeof v === 'string')) return value
  return new SafeString(strings.join(glue))
}

/**
 * Python indexing `value[i]` on lists and strings, '' when empty as in
 * Django; anything else cannot be indexed and fails the render there.
 */
function item (name: string, value: unknown, index: number): unknown {
  const text = value instanceof SafeString ? value.value : value
  const items = typeof text === 'string' ? Array.from(text) : text
  if (!Array.isArray(items)) {
    throw new FilterArgumentError(name,
      `${pyTypeName(text)} cannot be indexed`)
  }
  if (items.length === 0) return ''
  return items[index < 0 ? items.length + index : index]
}

function slice (value: unknown, arg: unknown): unknown {
  const bits = parseSliceArg(pyStr(arg))
  if (bits === undefined) return value
  const text = value instanceof SafeString ? value.value : value
  try {
    if (typeof text === 'string') {
      return pySlice(Array.from(text), ...bits).join('')
    }
    if (Array.isArray(text)) return pySlice(text, ...bits)
  } catch (err) {
    // A zero step is Python's ValueError, which Django swallows.
    if (!(err instanceof RangeError)) throw err
  }
  return value
}

/** Filters on lists (and strings as lists of characters). */
export const listFilters: DjangoFilter[] = [
  { name: 'length', arity: 'none', apply: (value) => pyLen(value) ?? 0 },
  { name: 'join', arity: 'required', isSafe: true, apply: join },
  { name: 'first', arity: 'none', apply: (value) => item('first', value, 0) },
  { name: 'last', arity: 'none', isSafe: true, apply: (value) => item('last', value, -1) },
  { name: 'slice', arity: 'required', isSafe: true, apply: slice }
]
