/** Latency percentiles of one run, in milliseconds. */
export interface Percentiles {
  p50: number
  p90: number
  p99: number
  p999: number
  max: number
}

/** A sorted copy (ascending) of response times. */
export function sorted (values: Float64Array): Float64Array {
  return values.slice().sort()
}

/** The value below which `p` percent of the sorted values fall. */
export function percentile (ascending: Float64Array, p: number): number {
  if (ascending.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * ascending.length) - 1
  return ascending[Math.min(ascending.length - 1, Math.max(0, rank))] ?? Number.NaN
}

export function percentiles (ascending: Float64Array): Percentiles {
  const at = (p: number) => round(percentile(ascending, p))
  return { p50: at(50), p90: at(90), p99: at(99), p999: at(99.9), max: at(100) }
}

/** `a / b`, rounded; NaN when b is 0. */
export function ratio (a: number, b: number): number {
  return b === 0 ? Number.NaN : round(a / b)
}

export const round = (n: number, digits = 2): number =>
  Number(n.toFixed(digits))

/**
 * The distribution as at most `points` (latency, fraction at or below)
 * pairs, denser in the tail where the interesting part of a latency
 * curve is.
 */
export function cdfPoints (
  ascending: Float64Array,
  points = 200
): Array<{ ms: number, fraction: number }> {
  const n = ascending.length
  if (n === 0) return []
  const out: Array<{ ms: number, fraction: number }> = []
  for (let i = 0; i < points; i++) {
    // spread evenly in log(1 - fraction): 0 … 99.99 %
    const fraction = 1 - Math.pow(10, -4 * i / (points - 1))
    const index = Math.min(n - 1, Math.floor(fraction * n))
    out.push({ ms: ascending[index] ?? 0, fraction: (index + 1) / n })
  }
  return out
}
