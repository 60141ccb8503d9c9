import type { FastifyInstance } from 'fastify'
import { isAdmin } from '@herald/platform'
import { secretsMatch } from './webhook-intake.js'

/** Who may open the queue dashboard, and how they prove it. */
export type BoardAccess = 'allowed' | 'unauthenticated' | 'forbidden'

const BASIC = /^\s*basic\s+([A-Za-z0-9+/=]+)\s*$/i
const TOKEN = /^\s*token\s+\S+\s*$/i

/**
 * Operator credentials (`Authorization: Basic`) compared in constant time.
 * An empty `BULL_BOARD_PASSWORD` turns this way in off.
 */
function basicAllows (app: FastifyInstance, header: string): boolean {
  const { BULL_BOARD_USER: user, BULL_BOARD_PASSWORD: password } = app.config
  const encoded = BASIC.exec(header)?.[1]
  if (password === '' || encoded === undefined) return false
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return false
  const userOk = secretsMatch(decoded.slice(0, colon), user)
  const passwordOk = secretsMatch(decoded.slice(colon + 1), password)
  return userOk && passwordOk
}

/**
 * A platform admin token (`Authorization: Token`), accepted only for the
 * companies listed in `BULL_BOARD_COMPANIES`: the board shows every
 * company's jobs, so an admin of any other company may not see it.
 */
async function tokenAccess (app: FastifyInstance, header: string): Promise<BoardAccess> {
  const companies = app.config.BULL_BOARD_COMPANIES.split(',')
    .map((c) => c.trim()).filter(Boolean)
  try {
    const user = await app.authenticator.authenticate(header)
    const trusted = isAdmin(user) && companies.includes(user.company)
    return trusted ? 'allowed' : 'forbidden'
  } catch {
    return 'unauthenticated'
  }
}

/** Decides a dashboard request from its `Authorization` header. */
export async function boardAccess (
  app: FastifyInstance,
  header: string | undefined
): Promise<BoardAccess> {
  if (header === undefined) return 'unauthenticated'
  if (basicAllows(app, header)) return 'allowed'
  if (TOKEN.test(header)) return tokenAccess(app, header)
  return 'unauthenticated'
}
