import { SafeString } from './safe-string.js'

/** Python `bool()`: None, False, 0, '', [] and {} are false. */
export function pyTruthy (value: unknown): boolean {
  if (value === undefined || value === null) return false
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value !== 0
  if (typeof value === 'bigint') return value !== 0n
  if (typeof value === 'string') return value.length > 0
  if (value instanceof SafeString) return value.value.length > 0
  if (Array.isArray(value)) return value.length > 0
  if (value instanceof Date) return true
  if (typeof value === 'object') return Object.keys(value).length > 0
  return Boolean(value)
}

/** Strings stay strings, bools count as ints, a missing value is None. */
function normalise (value: unknown): unknown {
  if (value instanceof SafeString) return value.value
  if (value === undefined) return null
  if (typeof value === 'boolean') return value ? 1 : 0
  return value
}

/** Python `==` on JSON-ish values: deep for lists and dicts. */
export function pyEquals (a: unknown, b: unknown): boolean {
  const x = normalise(a)
  const y = normalise(b)
  if (x === y) return true
  if (typeof x === 'bigint' || typeof y === 'bigint') {
    return numericOrNull(x) === numericOrNull(y) && numericOrNull(x) !== null
  }
  if (x instanceof Date && y instanceof Date) {
    return x.getTime() === y.getTime()
  }
  if (Array.isArray(x) && Array.isArray(y)) {
    return x.length === y.length && x.every((v, i) => pyEquals(v, y[i]))
  }
  if (isDict(x) && isDict(y)) return dictEquals(x, y)
  return false
}

function numericOrNull (v: unknown): bigint | null {
  if (typeof v === 'bigint') return v
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v)
  return null
}

function dictEquals (
  x: Record<string, unknown>, y: Record<string, unknown>
): boolean {
  const keys = Object.keys(x)
  if (keys.length !== Object.keys(y).length) return false
  return keys.every((k) => Object.hasOwn(y, k) && pyEquals(x[k], y[k]))
}

function isDict (v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) &&
    !(v instanceof Date) && !(v instanceof SafeString)
}

/** Python raises on `None < 1`; Django's `{% if %}` turns that into False. */
export class PyTypeError extends TypeError {}

/** Python ordering: `-1`, `0` or `1`, or throws {@link PyTypeError}. */
export function pyCompare (a: unknown, b: unknown): number {
  const x = normalise(a)
  const y = normalise(b)
  if (isNumeric(x) && isNumeric(y)) return order(Number(x), Number(y))
  if (typeof x === 'string' && typeof y === 'string') return order(x, y)
  if (x instanceof Date && y instanceof Date) {
    return order(x.getTime(), y.getTime())
  }
  if (Array.isArray(x) && Array.isArray(y)) return compareLists(x, y)
  throw new PyTypeError('unorderable types')
}

function isNumeric (v: unknown): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint'
}

function order<T> (x: T, y: T): number {
  return x < y ? -1 : x > y ? 1 : 0
}

function compareLists (x: unknown[], y: unknown[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (!pyEquals(x[i], y[i])) return pyCompare(x[i], y[i])
  }
  return order(x.length, y.length)
}

/** Python `needle in haystack` for strings, lists and dicts. */
export function pyContains (haystack: unknown, needle: unknown): boolean {
  const h = haystack instanceof SafeString ? haystack.value : haystack
  const n = needle instanceof SafeString ? needle.value : needle
  if (typeof h === 'string') {
    if (typeof n !== 'string') throw new PyTypeError('in <string>')
    return h.includes(n)
  }
  if (Array.isArray(h)) return h.some((item) => pyEquals(item, n))
  if (isDict(h)) {
    // A dict's keys are hashed: a list or dict needle cannot be.
    if (Array.isArray(n) || isDict(n)) throw new PyTypeError('unhashable type')
    return typeof n === 'string' && Object.hasOwn(h, n)
  }
  throw new PyTypeError('argument is not iterable')
}

/** Python `is`: identity, which for JSON values means same None/bool/ref. */
export function pyIs (a: unknown, b: unknown): boolean {
  const x = a === undefined ? null : a
  const y = b === undefined ? null : b
  return x === y
}

/** Python `list(value)`: a list, a string's characters, a dict's keys. */
export function pyIter (value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (typeof value === 'string') return Array.from(value)
  if (value instanceof SafeString) return Array.from(value.value)
  if (isDict(value)) return Object.keys(value)
  throw new PyTypeError('object is not iterable')
}

/** Python `len()`; for values without a length Django's filter says 0. */
export function pyLen (value: unknown): number | undefined {
  if (typeof value === 'string') return Array.from(value).length
  if (value instanceof SafeString) return Array.from(value.value).length
  if (Array.isArray(value)) return value.length
  if (isDict(value)) return Object.keys(value).length
  return undefined
}

/**
 * Python `int()` for filter arguments: ints, floats (truncated), bools and
 * digit strings; anything else is undefined (Python's ValueError).
 */
export function pyInt (value: unknown): number | undefined {
  const v = value instanceof SafeString ? value.value : value
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) : undefined
  if (typeof v === 'bigint') return Number(v)
  if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) return Number(v)
  return undefined
}

/** Python's `type(value).__name__`, for messages. */
export function pyTypeName (value: unknown): string {
  if (value === null || value === undefined) return 'NoneType'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'bigint') return 'int'
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float'
  if (typeof value === 'string' || value instanceof SafeString) return 'str'
  if (Array.isArray(value)) return 'list'
  if (value instanceof Date) return 'datetime'
  return 'dict'
}
