import { NAMED_FORMATS, formatDate } from './filters/date-format.js'
import { pyStr } from './python/py-str.js'
import { SafeString, escapeHtml } from './python/safe-string.js'

/**
 * Django's `render_value_in_context`: a date-time in DATETIME_FORMAT,
 * anything else as Python `str()`; escaped when autoescaping unless safe.
 */
export function outputValue (value: unknown, autoescape: boolean): string {
  if (value instanceof SafeString) return value.value
  const text = value instanceof Date
    ? formatDate(value, NAMED_FORMATS.DATETIME_FORMAT ?? '')
    : pyStr(value)
  return autoescape ? escapeHtml(text) : text
}
