/**
 * Python's `seq[start:stop:step]` on a list (or a string's code points),
 * with Python's clamping of out-of-range and negative bounds.
 */
export function pySlice<T> (
  items: readonly T[],
  start: number | null,
  stop: number | null,
  step: number | null
): T[] {
  const n = items.length
  const s = step ?? 1
  if (s === 0) throw new RangeError('slice step cannot be zero')
  const lo = s > 0 ? 0 : -1
  const hi = s > 0 ? n : n - 1
  const from = start === null ? (s > 0 ? lo : hi) : clamp(start, n, lo, hi)
  const to = stop === null ? (s > 0 ? hi : lo) : clamp(stop, n, lo, hi)
  const out: T[] = []
  for (let i = from; s > 0 ? i < to : i > to; i += s) {
    out.push(items[i] as T)
  }
  return out
}

function clamp (index: number, n: number, lo: number, hi: number): number {
  const i = index < 0 ? index + n : index
  return Math.min(Math.max(i, lo), hi)
}

/** Parses Django's `slice` argument (`":2"`, `"1:-1"`, `"::2"`). */
export function parseSliceArg (
  arg: string
): [number | null, number | null, number | null] | undefined {
  const parts = arg.split(':')
  if (parts.length > 3) return undefined
  const bits: Array<number | null> = []
  for (const part of parts) {
    if (part.trim() === '') bits.push(null)
    else if (/^\s*[+-]?\d+\s*$/.test(part)) bits.push(Number(part))
    else return undefined
  }
  // Python's slice(x) means slice(None, x): one bit is the stop.
  if (bits.length === 1) return [null, bits[0] ?? null, null]
  return [bits[0] ?? null, bits[1] ?? null, bits[2] ?? null]
}
