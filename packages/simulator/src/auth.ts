import type { FastifyRequest } from 'fastify'
import { permissionDenied, unauthenticated } from './errors.js'
import { isStaff } from './serialize.js'
import type { SimStore } from './store.js'
import type { SimUser } from './types.js'

const TOKEN_HEADER = /^token\s+(\S+)\s*$/i

/** The token of `Authorization: Token <t>`; the scheme is case-blind. */
export function tokenOf (header: string | undefined): string | undefined {
  return header === undefined ? undefined : TOKEN_HEADER.exec(header)?.[1]
}

/** The caller, or a 401 like the platform's. */
export function authenticate (
  store: SimStore,
  request: FastifyRequest
): SimUser {
  const token = tokenOf(request.headers.authorization)
  if (token === undefined) {
    throw unauthenticated('Authentication credentials were not provided.')
  }
  const user = store.userOfToken(token)
  if (user === undefined) throw unauthenticated()
  return user
}

/** The caller when in group admin or service, else 401/403. */
export function authenticateStaff (
  store: SimStore,
  request: FastifyRequest
): SimUser {
  const user = authenticate(store, request)
  if (!isStaff(user)) throw permissionDenied()
  return user
}
