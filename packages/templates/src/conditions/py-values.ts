/**
 * The values a send condition computes with, typed as Python types them:
 * int is bigint (exact, any size), float is number, bool, None is null,
 * str, list is an array and tuple a {@link PyTuple}.
 */
export type PyValue =
  | null | boolean | bigint | number | string | PyValue[] | PyTuple

/** A Python tuple: equal only to tuples, unlike a list. */
export class PyTuple {
  constructor (readonly items: PyValue[]) {}
}

/** A Python exception, by its class name (TypeError, NameError…). */
export class PyError extends Error {
  constructor (readonly pythonError: string, message: string) {
    super(message)
    this.name = pythonError
  }
}

export function typeName (v: PyValue): string {
  if (v === null) return 'NoneType'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'bigint') return 'int'
  if (typeof v === 'number') return 'float'
  if (typeof v === 'string') return 'str'
  return Array.isArray(v) ? 'list' : 'tuple'
}

/** Python `bool(v)`. */
export function truthy (v: PyValue): boolean {
  if (v === null) return false
  if (typeof v === 'boolean') return v
  if (typeof v === 'bigint') return v !== 0n
  if (typeof v === 'number') return v !== 0
  if (typeof v === 'string') return v.length > 0
  return (Array.isArray(v) ? v : v.items).length > 0
}

/** int and bool as bigint, float as number, anything else undefined. */
export function numeric (v: PyValue): bigint | number | undefined {
  if (typeof v === 'boolean') return v ? 1n : 0n
  if (typeof v === 'bigint' || typeof v === 'number') return v
  return undefined
}

/** Exact ordering of an int and a float, as Python compares them. */
function compareIntFloat (i: bigint, f: number): number {
  if (Number.isNaN(f)) return Number.NaN
  if (f === Infinity) return -1
  if (f === -Infinity) return 1
  const floor = Math.floor(f)
  const whole = BigInt(floor)
  if (i !== whole) return i < whole ? -1 : 1
  return f > floor ? -1 : 0
}

/** -1, 0 or 1 (NaN when unordered) between two numbers of either kind. */
export function compareNumbers (a: bigint | number, b: bigint | number): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    return a < b ? -1 : a > b ? 1 : 0
  }
  if (typeof a === 'bigint') return compareIntFloat(a, b as number)
  if (typeof b === 'bigint') return -compareIntFloat(b, a)
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN
  return a < b ? -1 : a > b ? 1 : 0
}

/** Python compares strings by code point, not by UTF-16 unit. */
function compareStrings (a: string, b: string): number {
  const x = Array.from(a)
  const y = Array.from(b)
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0)
    if (d !== 0) return d < 0 ? -1 : 1
  }
  return Math.sign(x.length - y.length)
}

function sequence (v: PyValue): PyValue[] | undefined {
  if (Array.isArray(v)) return v
  return v instanceof PyTuple ? v.items : undefined
}

function sameKind (a: PyValue, b: PyValue): boolean {
  return Array.isArray(a) === Array.isArray(b) &&
    (a instanceof PyTuple) === (b instanceof PyTuple)
}

/** Python `a == b`. */
export function equals (a: PyValue, b: PyValue): boolean {
  const x = numeric(a)
  const y = numeric(b)
  if (x !== undefined && y !== undefined) return compareNumbers(x, y) === 0
  if (typeof a === 'string' || typeof b === 'string') return a === b
  if (a === null || b === null) return a === b
  const xs = sequence(a)
  const ys = sequence(b)
  if (xs === undefined || ys === undefined || !sameKind(a, b)) return false
  return xs.length === ys.length && xs.every((v, i) => equals(v, ys[i] ?? null))
}

function compareSequences (xs: PyValue[], ys: PyValue[]): number {
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i] ?? null
    const y = ys[i] ?? null
    if (!equals(x, y)) return compare(x, y)
  }
  return Math.sign(xs.length - ys.length)
}

/** Python ordering for `<` and friends; TypeError between other types. */
export function compare (a: PyValue, b: PyValue): number {
  const x = numeric(a)
  const y = numeric(b)
  if (x !== undefined && y !== undefined) return compareNumbers(x, y)
  if (typeof a === 'string' && typeof b === 'string') {
    return compareStrings(a, b)
  }
  const xs = sequence(a)
  const ys = sequence(b)
  if (xs !== undefined && ys !== undefined && sameKind(a, b)) {
    return compareSequences(xs, ys)
  }
  throw new PyError('TypeError', "'<' not supported between instances of " +
    `'${typeName(a)}' and '${typeName(b)}'`)
}

/** Python `needle in haystack`. */
export function contains (haystack: PyValue, needle: PyValue): boolean {
  if (typeof haystack === 'string') {
    if (typeof needle !== 'string') {
      throw new PyError('TypeError', "'in <string>' requires string as " +
        `left operand, not ${typeName(needle)}`)
    }
    return haystack.includes(needle)
  }
  const items = sequence(haystack)
  if (items === undefined) {
    throw new PyError('TypeError',
      `argument of type '${typeName(haystack)}' is not iterable`)
  }
  return items.some((item) => identical(item, needle) || equals(item, needle))
}

/**
 * Python `is` between constants: CPython folds equal literals of one
 * expression into one object, so equal values of the same type are the
 * same object; a list literal is always a new one.
 */
export function identical (a: PyValue, b: PyValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return a === b
  return typeName(a) === typeName(b) && equals(a, b)
}
