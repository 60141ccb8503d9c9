import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { createApiMetrics, webhookResult, type ApiMetrics } from '../lib/api-metrics.js'
import { bearerAllows } from '../lib/bearer.js'
import { checkReadiness } from '../lib/readiness.js'
import { Errors } from '../errors.js'

declare module 'fastify' {
  interface FastifyInstance {
    metrics: ApiMetrics
  }
  interface FastifyRequest {
    /** Set by the webhook route: `accepted` or `duplicate`. */
    intakeResult: string | null
  }
}

/**
 * Prometheus metrics at `GET /metrics`: webhooks by result, intake and
 * request latency, queue depths and dependency reachability read at
 * scrape time. With `METRICS_TOKEN` set, a scrape needs that bearer token.
 * Delivery counters live in each worker's own `/metrics`.
 */
async function metricsPlugin (app: FastifyInstance): Promise<void> {
  const { config } = app
  const webhookUrl = `${config.API_BASE_PATH}/webhook/`
  const metrics = createApiMetrics({
    queues: app.queues,
    readiness: () => checkReadiness(app),
    onError: (err) => app.log.warn({ err }, 'metrics source unavailable')
  })
  app.decorate('metrics', metrics)
  app.decorateRequest('intakeResult', null)

  app.addHook('onResponse', async function recordRequest (
    request: FastifyRequest,
    reply: FastifyReply
  ) {
    const route = request.routeOptions.url ?? 'unmatched'
    const seconds = reply.elapsedTime / 1000
    const status = reply.statusCode
    metrics.requests.observe({
      method: request.method, route, status_code: String(status)
    }, seconds)
    if (route !== webhookUrl) return
    const result = webhookResult(status, request.intakeResult)
    metrics.webhooks.inc({ result })
    metrics.intake.observe({ result }, seconds)
  })

  app.get('/metrics', {
    config: { rateLimit: false },
    schema: { hide: true }
  }, async function scrape (request, reply) {
    if (!bearerAllows(request.headers.authorization, config.METRICS_TOKEN)) {
      throw Errors.unauthorized()
    }
    const body = await metrics.registry.metrics()
    return reply.type(metrics.registry.contentType).send(body)
  })
}

export default fp(metricsPlugin, {
  name: 'herald-metrics',
  dependencies: ['herald-infrastructure']
})
