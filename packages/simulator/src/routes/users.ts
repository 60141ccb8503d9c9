import type { FastifyInstance } from 'fastify'
import { authenticateStaff } from '../auth.js'
import { success } from '../envelope.js'
import { notFound } from '../errors.js'
import { paginate } from '../pagination.js'
import { serializeUser } from '../serialize.js'
import type { SimUser } from '../types.js'
import type { RouteOptions } from './route-options.js'

interface UserQuery {
  group?: string
  email?: string
  mobile?: string
}

/** `GET /3/admin/users/` (paginated, filtered) and `.../users/{id}/`. */
export async function userRoutes (
  app: FastifyInstance,
  { store }: RouteOptions
): Promise<void> {
  app.get<{ Querystring: UserQuery }>('/3/admin/users/',
    async function listUsers (request) {
      const { company } = authenticateStaff(store, request)
      const users = store.companyUsers(company)
        .filter((u) => matches(u, request.query))
      return success(paginate(request, users.map(serializeUser)))
    })

  app.get<{ Params: { id: string } }>('/3/admin/users/:id/',
    async function getUser (request) {
      const { company } = authenticateStaff(store, request)
      const user = store.companyUser(company, request.params.id)
      if (user === undefined) throw notFound()
      return success(serializeUser(user))
    })
}

function matches (u: SimUser, q: UserQuery): boolean {
  if (q.group !== undefined && !u.groups.some((g) => g.name === q.group)) {
    return false
  }
  if (q.email !== undefined && u.email !== q.email) return false
  return q.mobile === undefined || u.mobile === q.mobile
}
