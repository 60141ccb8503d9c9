import type { FastifyInstance } from 'fastify'
import { authenticateStaff } from '../auth.js'
import { success } from '../envelope.js'
import { paginate } from '../pagination.js'
import { serializeDevice } from '../serialize.js'
import type { RouteOptions } from './route-options.js'

/** `GET /3/admin/users/devices/?user=<id>`: devices with their push apps. */
export async function deviceRoutes (
  app: FastifyInstance,
  { store }: RouteOptions
): Promise<void> {
  app.get<{ Querystring: { user?: string } }>('/3/admin/users/devices/',
    async function listDevices (request) {
      const { company } = authenticateStaff(store, request)
      const { user } = request.query
      const devices = store.companyDevices(company)
        .filter((d) => user === undefined || d.user === user)
      return success(paginate(request, devices.map(serializeDevice)))
    })
}
