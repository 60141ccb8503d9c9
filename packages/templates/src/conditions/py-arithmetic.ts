import {
  PyError, PyTuple, numeric, typeName
} from './py-values.js'
import type { PyValue } from './py-values.js'

/** Longest string, list or tuple an expression may build. */
export const MAX_SEQUENCE = 10_000

function unsupported (op: string, a: PyValue, b: PyValue): PyError {
  return new PyError('TypeError', `unsupported operand type(s) for ${op}: ` +
    `'${typeName(a)}' and '${typeName(b)}'`)
}

function zeroDivision (): PyError {
  return new PyError('ZeroDivisionError', 'division by zero')
}

function bounded<T extends string | PyValue[]> (value: T): T {
  if (value.length > MAX_SEQUENCE) {
    throw new PyError('MemoryError', 'result too large')
  }
  return value
}

/** Python's floor division and modulo on ints (sign of the divisor). */
function floorDiv (a: bigint, b: bigint): bigint {
  const q = a / b
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q
}

function arithmeticNumbers (
  op: string, a: bigint | number, b: bigint | number
): bigint | number {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    if ((op === '/' || op === '//' || op === '%') && b === 0n) {
      throw zeroDivision()
    }
    switch (op) {
      case '+': return a + b
      case '-': return a - b
      case '*': return a * b
      case '/': return Number(a) / Number(b)
      case '//': return floorDiv(a, b)
      default: return a - b * floorDiv(a, b)
    }
  }
  const x = Number(a)
  const y = Number(b)
  if ((op === '/' || op === '//' || op === '%') && y === 0) throw zeroDivision()
  switch (op) {
    case '+': return x + y
    case '-': return x - y
    case '*': return x * y
    case '/': return x / y
    case '//': return Math.floor(x / y)
    default: return x - y * Math.floor(x / y)
  }
}

/** Python's `sys.maxsize`: a repeat count past it overflows. */
const MAX_SIZE = 2n ** 63n - 1n

function repeat (seq: string | PyValue[] | PyTuple, times: bigint): PyValue {
  if (times > MAX_SIZE || times < -MAX_SIZE - 1n) {
    throw new PyError('OverflowError',
      "cannot fit 'int' into an index-sized integer")
  }
  const items = typeof seq === 'string' ? seq : Array.isArray(seq) ? seq : seq.items
  const n = times <= 0n || items.length === 0 ? 0n : times
  if (n * BigInt(items.length) > BigInt(MAX_SEQUENCE)) {
    throw new PyError('MemoryError', 'result too large')
  }
  const count = Number(n)
  if (typeof items === 'string') return items.repeat(count)
  const out = Array.from({ length: count }, () => items).flat()
  return Array.isArray(seq) ? out : new PyTuple(out)
}

function sequenceOp (op: string, a: PyValue, b: PyValue): PyValue {
  if (op === '+') {
    if (typeof a === 'string' && typeof b === 'string') return bounded(a + b)
    if (Array.isArray(a) && Array.isArray(b)) return bounded([...a, ...b])
    if (a instanceof PyTuple && b instanceof PyTuple) {
      return new PyTuple(bounded([...a.items, ...b.items]))
    }
  }
  if (op === '*') {
    const times = numeric(b)
    if (typeof times === 'bigint' && a !== null && typeof a === 'object') {
      return repeat(a, times)
    }
    if (typeof times === 'bigint' && typeof a === 'string') return repeat(a, times)
    const count = numeric(a)
    if (typeof count === 'bigint' && b !== null &&
        (typeof b === 'string' || typeof b === 'object')) {
      return repeat(b as string | PyValue[] | PyTuple, count)
    }
  }
  throw unsupported(op, a, b)
}

/**
 * `text % args` without conversions in `text`: the empty tuple leaves it
 * as it is, anything else has no place to go. Real formatting (`%s`) is
 * not supported.
 */
function formatString (text: string, args: PyValue): PyValue {
  if (text.includes('%')) {
    throw new PyError('UnsupportedError', 'string formatting is not supported')
  }
  // An empty tuple has nothing to convert; a list counts as a mapping.
  if (args instanceof PyTuple ? args.items.length === 0 : Array.isArray(args)) {
    return text
  }
  throw new PyError('TypeError',
    'not all arguments converted during string formatting')
}

/** Python `a op b` for `+ - * / // %` (no `**`, no bit operators). */
export function arithmetic (op: string, a: PyValue, b: PyValue): PyValue {
  if (!['+', '-', '*', '/', '//', '%'].includes(op)) {
    throw new PyError('UnsupportedError', `operator ${op} is not supported`)
  }
  const x = numeric(a)
  const y = numeric(b)
  if (x !== undefined && y !== undefined) return arithmeticNumbers(op, x, y)
  if (op === '%' && typeof a === 'string') return formatString(a, b)
  return sequenceOp(op, a, b)
}

/** Python's unary `-`, `+` and `~`. */
export function unaryArithmetic (op: string, v: PyValue): PyValue {
  const x = numeric(v)
  if (x === undefined || (op === '~' && typeof x !== 'bigint')) {
    throw new PyError('TypeError',
      `bad operand type for unary ${op}: '${typeName(v)}'`)
  }
  if (op === '+') return x
  if (op === '-') return typeof x === 'bigint' ? -x : -x
  return -(x as bigint) - 1n
}
