import type { FastifyPluginAsync } from 'fastify'
import swaggerUi from '@fastify/swagger-ui'

/**
 * The OpenAPI document at `{base}/openapi.json` and an interactive page
 * at `{base}/docs/`. Neither needs a token: they describe, not expose.
 */
const docsRoutes: FastifyPluginAsync = async (app) => {
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
    staticCSP: true
  })

  app.get('/openapi.json', {
    schema: { hide: true }
  }, async function openapiDocument () {
    return app.swagger()
  })
}

export default docsRoutes
