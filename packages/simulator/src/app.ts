import fastify from 'fastify'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { handleError, handleNotFound } from './error-handler.js'
import { pathOf, sendFailure } from './failures.js'
import type { FailureQueue } from './failures.js'
import { authRoutes } from './routes/auth.js'
import { companyRoutes } from './routes/company.js'
import { deviceRoutes } from './routes/devices.js'
import { transactionRoutes } from './routes/transactions.js'
import { userRoutes } from './routes/users.js'
import { webhookRoutes } from './routes/webhooks.js'
import { sendEventRoutes } from './routes/send-event.js'
import type { SimStore } from './store.js'
import type { RecordedRequest } from './types.js'

/** What the simulator's Fastify app reads and writes. */
export interface AppState {
  store: SimStore
  failures: FailureQueue
  requests: RecordedRequest[]
}

/** Builds the simulator's Fastify app; it does not listen. */
export async function buildApp (
  state: AppState,
  logger: boolean
): Promise<FastifyInstance> {
  const app = fastify({
    logger,
    routerOptions: { ignoreTrailingSlash: true }
  })
  app.addHook('onRequest', recordAndMaybeFail(state))
  app.setErrorHandler(handleError)
  app.setNotFoundHandler(handleNotFound)
  const opts = { store: state.store }
  for (const routes of [authRoutes, companyRoutes, webhookRoutes,
    userRoutes, deviceRoutes, transactionRoutes, sendEventRoutes]) {
    await app.register(routes, opts)
  }
  return app
}

// Runs first for every request, so injected failures pre-empt auth.
function recordAndMaybeFail ({ failures, requests }: AppState) {
  return async function onRequest (
    request: FastifyRequest,
    reply: FastifyReply
  ): Promise<FastifyReply | undefined> {
    const path = pathOf(request)
    const { authorization } = request.headers
    requests.push({ method: request.method, path, url: request.url,
      ...(authorization === undefined ? {} : { authorization }) })
    const injected = failures.take(path)
    return injected === undefined ? undefined : sendFailure(reply, injected)
  }
}
