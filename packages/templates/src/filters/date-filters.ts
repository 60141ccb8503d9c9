import { pyStr } from '../python/py-str.js'
import { SafeString } from '../python/safe-string.js'
import type { DjangoFilter } from './define-filter.js'
import { NAMED_FORMATS, formatDate } from './date-format.js'

function isValidDate (value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime())
}

/** A format string, or one of Django's named formats such as DATE_FORMAT. */
function resolveFormat (arg: unknown, fallback: string): string {
  if (arg === undefined || arg === null) return NAMED_FORMATS[fallback] ?? ''
  const text = pyStr(arg)
  return NAMED_FORMATS[text] ?? text
}

/**
 * The platform's `timestamp`: integer milliseconds since the epoch (the
 * platform's API timestamps) to a date-time that `date` can format.
 */
function timestamp (value: unknown): unknown {
  const raw = value instanceof SafeString ? value.value : value
  let ms: number | undefined
  if (typeof raw === 'number') ms = raw
  else if (typeof raw === 'bigint') ms = Number(raw)
  else if (typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw)) {
    ms = Number(raw)
  }
  if (ms === undefined || !Number.isFinite(ms)) return ''
  const date = new Date(ms)
  return isValidDate(date) ? date : ''
}

/** Date and time filters; dates render in UTC. */
export const dateFilters: DjangoFilter[] = [
  { name: 'timestamp', arity: 'none', apply: timestamp },
  {
    name: 'date',
    arity: 'optional',
    apply: (value, arg) => isValidDate(value)
      ? formatDate(value, resolveFormat(arg, 'DATE_FORMAT'))
      : ''
  },
  {
    name: 'time',
    arity: 'optional',
    apply: (value, arg) => isValidDate(value)
      ? formatDate(value, resolveFormat(arg, 'TIME_FORMAT'))
      : ''
  }
]
