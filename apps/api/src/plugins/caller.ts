import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { findCompany, type Company } from '@herald/db'
import { isAdmin, type PlatformUser } from '@herald/platform'
import { Errors } from '../errors.js'

/** The authenticated platform user behind a request, and their company. */
export interface Caller {
  user: PlatformUser
  company: Company
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null
  }
  interface FastifyInstance {
    requireUser: (request: FastifyRequest) => Promise<void>
    requireAdmin: (request: FastifyRequest) => Promise<void>
  }
}

/**
 * Authenticates callers against the platform (`GET /3/auth/`, cached) and
 * requires their company to be active here. Routes pick a level with
 * `preHandler: app.requireAdmin` or `app.requireUser`.
 */
async function callerPlugin (app: FastifyInstance): Promise<void> {
  app.decorateRequest('caller', null)

  async function authenticate (request: FastifyRequest): Promise<Caller> {
    const user = await app.authenticator.authenticate(request.headers.authorization)
    const company = await findCompany(app.db, user.company)
    if (!company?.active) throw Errors.inactiveCompany()
    return { user, company }
  }

  app.decorate('requireUser', async function requireUser (request: FastifyRequest) {
    request.caller = await authenticate(request)
  })

  app.decorate('requireAdmin', async function requireAdmin (request: FastifyRequest) {
    const caller = await authenticate(request)
    if (!isAdmin(caller.user)) throw Errors.permissionDenied()
    request.caller = caller
  })
}

/** The caller set by a `require*` pre-handler. */
export function callerOf (request: FastifyRequest): Caller {
  if (!request.caller) throw Errors.permissionDenied()
  return request.caller
}

export default fp(callerPlugin, {
  name: 'herald-caller',
  dependencies: ['herald-infrastructure']
})
