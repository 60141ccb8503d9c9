import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import swagger from '@fastify/swagger'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Config } from '@herald/config'
import errorHandler from './plugins/error-handler.js'
import infrastructure from './plugins/infrastructure.js'
import caller from './plugins/caller.js'
import { createValidatorCompiler } from './plugins/validation.js'
import lifecycleRoutes from './routes/lifecycle.js'
import webhookRoutes from './routes/webhook.js'
import adminNotificationRoutes from './routes/admin-notifications.js'

export interface BuildAppOptions {
  config: Config
  /** A pino logger or Fastify logger options. */
  logger?: FastifyServerOptions['loggerInstance']
}

/**
 * The whole API as a Fastify instance, not listening. `server.ts` listens;
 * tests drive it with `inject()`.
 */
export async function buildApp (options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: true,
    return503OnClosing: true,
    requestIdHeader: false
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.setValidatorCompiler(createValidatorCompiler())
  await app.register(errorHandler)
  await app.register(infrastructure, { config })
  await app.register(caller)
  await app.register(swagger, {
    openapi: {
      info: { title: 'Herald', version: '0.1.0' },
      components: {
        securitySchemes: {
          token: { type: 'apiKey', in: 'header', name: 'Authorization' }
        }
      }
    }
  })
  await app.register(async function api (scope) {
    await scope.register(lifecycleRoutes)
    await scope.register(webhookRoutes)
    await scope.register(adminNotificationRoutes)
  }, { prefix: config.API_BASE_PATH })
  return app
}
