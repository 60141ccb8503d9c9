import { FilterArgumentError } from '../errors.js'
import { formatScaled } from '../python/decimal.js'
import { SafeString } from '../python/safe-string.js'
import type { DjangoFilter } from './define-filter.js'

/** The platform's currencies go up to 18 decimal places (crypto). */
const MAX_DIVISIBILITY = 18

function divisibilityOf (arg: unknown): number {
  const raw = arg instanceof SafeString ? arg.value : arg
  const n = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw)
    ? Number(raw)
    : raw
  if (typeof n !== 'number' || !Number.isInteger(n) ||
      n < 0 || n > MAX_DIVISIBILITY) {
    throw new FilterArgumentError('money',
      `divisibility must be an integer from 0 to ${MAX_DIVISIBILITY}, ` +
      `got ${String(raw)}`)
  }
  return n
}

/** The amount as an exact integer; never through a float. */
function amountOf (value: unknown): bigint {
  const raw = value instanceof SafeString ? value.value : value
  if (typeof raw === 'bigint') return raw
  if (typeof raw === 'number' && Number.isInteger(raw)) return BigInt(raw)
  if (typeof raw === 'string' && /^\s*[+-]?\d+\s*$/.test(raw)) {
    return BigInt(raw.trim())
  }
  throw new FilterArgumentError('money',
    `amount must be an integer in the smallest unit, got ${String(raw)}`)
}

/**
 * The platform's `money:<divisibility>`: `-150075|money:2` is `-1500.75`.
 * A missing amount renders as '' like other Django filters.
 */
export const moneyFilter: DjangoFilter = {
  name: 'money',
  arity: 'required',
  apply (value, arg) {
    const raw = value instanceof SafeString ? value.value : value
    if (raw === '' || raw === null) return ''
    const places = divisibilityOf(arg)
    const amount = amountOf(value)
    const negative = amount < 0n
    return formatScaled(negative, negative ? -amount : amount, places)
  }
}
