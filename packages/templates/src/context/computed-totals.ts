/** An amount in the smallest unit: a number while exact, else a bigint. */
export type Amount = number | bigint

/** `computed` in a transaction event's template context. */
export interface ComputedTotals {
  /** The transaction's own fee plus the amounts of its fee children. */
  fee: Amount
  /** The transaction's amount plus `fee`. */
  total_amount: Amount
}

function whole (value: unknown): bigint {
  if (typeof value === 'bigint') return value
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value)
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
    return BigInt(value.trim())
  }
  return 0n
}

function amount (value: bigint): Amount {
  const n = Number(value)
  return Number.isSafeInteger(n) ? n : value
}

/**
 * The platform's extension shows what a transaction really cost: fees
 * are booked as child transactions (`?parent=<id>`), so
 * `fee = transaction.fee + Σ child.amount` and
 * `total_amount = transaction.amount + fee`, in the smallest unit, with
 * exact integer arithmetic. A missing or non-integer amount counts as 0.
 */
export function computeTotals (
  transaction: Record<string, unknown>,
  feeChildren: ReadonlyArray<{ amount?: unknown }>
): ComputedTotals {
  const children = feeChildren.reduce((sum, c) => sum + whole(c.amount), 0n)
  const fee = whole(transaction.fee) + children
  return {
    fee: amount(fee),
    total_amount: amount(whole(transaction.amount) + fee)
  }
}
