import type { FastifyInstance, FastifyRequest } from 'fastify'
import { authenticate } from '../auth.js'
import { success } from '../envelope.js'
import { serializeUser } from '../serialize.js'
import type { RouteOptions } from './route-options.js'

/** `GET /3/auth/`: who the token belongs to. */
export async function authRoutes (
  app: FastifyInstance,
  { store }: RouteOptions
): Promise<void> {
  app.get('/3/auth/', async function getAuth (request: FastifyRequest) {
    return success(serializeUser(authenticate(store, request)))
  })
}
