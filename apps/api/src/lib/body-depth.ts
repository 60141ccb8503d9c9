/** Deepest nesting of objects and arrays a request body may have. */
export const MAX_BODY_DEPTH = 64

/**
 * Whether `value` nests objects or arrays deeper than `max`. Walked with
 * an explicit stack, not recursion, so a hostile body cannot exhaust the
 * call stack here; later code (storage serialises the event) would.
 */
export function nestedDeeperThan (value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number]
    if (node === null || typeof node !== 'object') continue
    if (depth >= max) return true
    const children = Array.isArray(node) ? node : Object.values(node)
    for (const child of children) stack.push([child, depth + 1])
  }
  return false
}
