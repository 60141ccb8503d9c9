import { randomBytes } from 'node:crypto'

/**
 * A unique id for test isolation (company ids, queue prefixes):
 * `${prefix}-${random}`, lower case.
 */
export function uniqueId (prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`.toLowerCase()
}
