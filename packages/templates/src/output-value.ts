import { NAMED_FORMATS, formatDate } from './filters/date-format.js'
import { parseDecimal } from './python/decimal.js'
import { pyNumberStr, pyStr } from './python/py-str.js'
import { SafeString, escapeHtml } from './python/safe-string.js'

/**
 * Django's `number_format` without grouping: a float that Python would
 * print in exponent form is written out in full, unless that would take
 * more than 200 digits.
 */
function localizeNumber (n: number): string {
  // Past 1e21 an integral number can only have come from a float.
  const text = Number.isInteger(n) && Math.abs(n) >= 1e21
    ? n.toExponential()
    : pyNumberStr(n)
  if (!/e/.test(text)) return text
  const d = parseDecimal(text)
  if (d === undefined) return text
  const digits = d.coefficient.toString()
  if (Math.abs(d.exponent) + digits.length > 200) return text
  const sign = d.negative ? '-' : ''
  if (d.exponent >= 0) return sign + digits + '0'.repeat(d.exponent)
  const padded = digits.padStart(-d.exponent + 1, '0')
  const point = padded.length + d.exponent
  return `${sign}${padded.slice(0, point)}.${padded.slice(point)}`
}

/**
 * Django's `render_value_in_context`: a date-time in DATETIME_FORMAT, a
 * number localized, anything else as Python `str()`; escaped when
 * autoescaping unless marked safe.
 */
export function outputValue (value: unknown, autoescape: boolean): string {
  if (value instanceof SafeString) return value.value
  let text: string
  if (value instanceof Date) {
    text = formatDate(value, NAMED_FORMATS.DATETIME_FORMAT ?? '')
  } else if (typeof value === 'number') {
    text = localizeNumber(value)
  } else {
    text = pyStr(value)
  }
  return autoescape ? escapeHtml(text) : text
}
