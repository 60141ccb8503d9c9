import { SafeString } from './safe-string.js'

/**
 * Python's `str()` of a JSON-ish value, which is what Django filters marked
 * `@stringfilter` see: `None`, `True`, `['a', 1]`, `{'k': 'v'}`.
 * `undefined` (a missing variable) is `''`, Django's `string_if_invalid`.
 */
export function pyStr (value: unknown): string {
  if (typeof value === 'string') return value
  if (value instanceof SafeString) return value.value
  if (value === undefined) return ''
  if (value instanceof Date) return pyDateTimeStr(value)
  return pyRepr(value)
}

/** Python's `repr()`: strings quoted, containers recursively. */
export function pyRepr (value: unknown): string {
  if (value === null || value === undefined) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value === 'string') return quoteRepr(value)
  if (value instanceof SafeString) return quoteRepr(value.value)
  if (typeof value === 'number') return pyNumberStr(value)
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Date) return pyDateTimeStr(value)
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`
  if (typeof value === 'object') return dictRepr(value)
  return String(value)
}

function dictRepr (value: object): string {
  const items = Object.entries(value)
    .map(([k, v]) => `${quoteRepr(k)}: ${pyRepr(v)}`)
  return `{${items.join(', ')}}`
}

function quoteRepr (text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'"
  const body = text.replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')
  return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote
}

/**
 * JSON cannot tell `2` from `2.0`, so integral numbers print as Python
 * ints; other numbers follow Python's float repr, which switches to
 * exponent form below 1e-4 (JavaScript waits until 1e-7).
 */
export function pyNumberStr (n: number): string {
  if (Number.isNaN(n)) return 'nan'
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf'
  if (Number.isInteger(n)) {
    return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString()
  }
  const [mantissa = '', expText = '0'] = n.toExponential().split('e')
  const exp = Number(expText)
  if (exp >= -4 && exp < 16) return String(n)
  const sign = exp < 0 ? '-' : '+'
  return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`
}

/** `str(datetime)` of an aware UTC datetime: `2024-06-27 14:55:00+00:00`. */
function pyDateTimeStr (date: Date): string {
  if (Number.isNaN(date.getTime())) return ''
  const iso = date.toISOString()
  const ms = date.getUTCMilliseconds()
  const fraction = ms === 0 ? '' : `.${String(ms * 1000).padStart(6, '0')}`
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction}+00:00`
}
