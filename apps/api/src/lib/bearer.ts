import { secretsMatch } from './webhook-intake.js'

const BEARER = /^\s*bearer\s+(\S+)\s*$/i

/**
 * Whether an `Authorization` header carries `Bearer <expected>`, compared
 * in constant time. An empty `expected` means no token is asked for.
 */
export function bearerAllows (header: string | undefined, expected: string): boolean {
  if (expected === '') return true
  const given = BEARER.exec(header ?? '')?.[1]
  return secretsMatch(given ?? '', expected) && given !== undefined
}
