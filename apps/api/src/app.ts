import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import swagger from '@fastify/swagger'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Config } from '@herald/config'
import errorHandler, { handleError } from './plugins/error-handler.js'
import infrastructure from './plugins/infrastructure.js'
import caller from './plugins/caller.js'
import { withMaskedRequests } from './lib/log-serializers.js'
import protection from './plugins/protection.js'
import metrics from './plugins/metrics.js'
import healthRoutes from './plugins/health.js'
import bullBoard from './plugins/bull-board.js'
import { createValidatorCompiler } from './plugins/validation.js'
import lifecycleRoutes from './routes/lifecycle.js'
import webhookRoutes from './routes/webhook.js'
import adminNotificationRoutes from './routes/admin-notifications.js'
import adminPreviewRoutes from './routes/admin-preview.js'
import adminTemplateRoutes from './routes/admin-templates.js'
import adminLayoutRoutes from './routes/admin-layouts.js'
import adminCredentialRoutes from './routes/admin-credentials.js'
import adminCompanyRoutes from './routes/admin-company.js'
import adminLogRoutes from './routes/admin-logs.js'
import userNotificationRoutes from './routes/user-notifications.js'
import userLogRoutes from './routes/user-logs.js'
import docsRoutes from './routes/docs.js'
import userWebPushRoutes from './routes/user-webpush.js'

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
    ...(options.logger
      ? { loggerInstance: withMaskedRequests(options.logger) }
      : { logger: false }),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: true,
    return503OnClosing: true,
    requestIdHeader: false,
    frameworkErrors: handleError
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
  await app.register(protection)
  await app.register(metrics)
  await app.register(healthRoutes)
  await app.register(bullBoard)
  await app.register(async function api (scope) {
    await scope.register(lifecycleRoutes)
    await scope.register(webhookRoutes)
    await scope.register(adminNotificationRoutes)
    await scope.register(adminPreviewRoutes)
    await scope.register(adminTemplateRoutes)
    await scope.register(adminLayoutRoutes)
    await scope.register(adminCredentialRoutes)
    await scope.register(adminCompanyRoutes)
    await scope.register(adminLogRoutes)
    await scope.register(userNotificationRoutes)
    await scope.register(userLogRoutes)
    await scope.register(userWebPushRoutes)
    await scope.register(docsRoutes)
  }, { prefix: config.API_BASE_PATH })
  return app
}
