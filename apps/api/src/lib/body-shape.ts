/** Deepest nesting of objects and arrays a request body may have. */
export const MAX_BODY_DEPTH = 64

/** What makes a request body or query unfit to store. */
export type ShapeProblem =
  | { kind: 'too-deep' }
  | { kind: 'text', field: string, message: string }

// PostgreSQL stores neither NUL (text and jsonb refuse it) nor half of a
// UTF-16 surrogate pair (jsonb refuses its escape; text would silently
// become U+FFFD). Refused at the door, they are a 400 naming the field
// instead of a 500, or a 503 the platform would retry for hours.
const NUL = '\u0000'
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Why `text` cannot be stored, in the platform's wording, or null. */
export function textProblem (text: string): string | null {
  if (text.includes(NUL)) return 'Null characters are not allowed.'
  if (LONE_SURROGATE.test(text)) return 'Enter valid Unicode text.'
  return null
}

/**
 * The first problem of a parsed body or query: nesting deeper than
 * `maxDepth`, or a key or string value PostgreSQL cannot store (named
 * by its dotted path). Walked with an explicit stack, not recursion, so
 * a hostile body cannot exhaust the call stack here.
 */
export function shapeProblem (value: unknown, maxDepth: number): ShapeProblem | null {
  const stack: Array<[unknown, number, string]> = [[value, 0, '']]
  while (stack.length > 0) {
    const [node, depth, path] = stack.pop() as [unknown, number, string]
    if (typeof node === 'string') {
      const message = textProblem(node)
      if (message) return { kind: 'text', field: path || 'body', message }
      continue
    }
    if (node === null || typeof node !== 'object') continue
    if (depth >= maxDepth) return { kind: 'too-deep' }
    for (const [key, child] of Object.entries(node)) {
      const field = path ? `${path}.${key}` : key
      const message = textProblem(key)
      if (message) return { kind: 'text', field, message }
      stack.push([child, depth + 1, field])
    }
  }
  return null
}
