import type { FastifyInstance, FastifyRequest } from 'fastify'
import { authenticateStaff } from '../auth.js'
import { success } from '../envelope.js'
import { notFound } from '../errors.js'
import { serializeCompany } from '../serialize.js'
import type { RouteOptions } from './route-options.js'

/** `GET /3/admin/company/`: the caller's company. */
export async function companyRoutes (
  app: FastifyInstance,
  { store }: RouteOptions
): Promise<void> {
  app.get('/3/admin/company/', async function getCompany (
    request: FastifyRequest
  ) {
    const user = authenticateStaff(store, request)
    const company = store.companies.get(user.company)
    if (company === undefined) throw notFound()
    return success(serializeCompany(company))
  })
}
