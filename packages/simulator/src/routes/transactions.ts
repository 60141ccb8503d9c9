import type { FastifyInstance } from 'fastify'
import { authenticateStaff } from '../auth.js'
import { success } from '../envelope.js'
import { paginate } from '../pagination.js'
import type { RouteOptions } from './route-options.js'

/** `GET /3/admin/transactions/?parent=<id>`: e.g. a transaction's fees. */
export async function transactionRoutes (
  app: FastifyInstance,
  { store }: RouteOptions
): Promise<void> {
  app.get<{ Querystring: { parent?: string } }>('/3/admin/transactions/',
    async function listTransactions (request) {
      const { company } = authenticateStaff(store, request)
      const { parent } = request.query
      const txs = store.companyTransactions(company)
        .filter((t) => parent === undefined || t.parent === parent)
      return success(paginate(request, txs))
    })
}
