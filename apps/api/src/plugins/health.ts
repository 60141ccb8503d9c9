import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { checkReadiness } from '../lib/readiness.js'

const CheckState = Type.Union([Type.Literal('up'), Type.Literal('down')])

const ReadinessReport = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  checks: Type.Object({ database: CheckState, redis: CheckState })
})

/** Probes are exempt from rate limits: an orchestrator polls them often. */
const probeConfig = { rateLimit: false } as const

/**
 * Operator routes, outside the API's base path and its OpenAPI document
 * (docs/operations.md describes them).
 * `GET /health`: the process answers (liveness). `GET /ready`: PostgreSQL
 * and Redis answer too (readiness), 503 otherwise so a load balancer
 * stops sending traffic, and the platform's retries land elsewhere.
 */
const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', {
    config: probeConfig,
    schema: {
      hide: true,
      summary: 'Liveness: the process is up',
      response: { 200: Type.Object({ status: Type.Literal('ok') }) }
    }
  }, async function health () {
    return { status: 'ok' as const }
  })

  app.get('/ready', {
    config: probeConfig,
    schema: {
      hide: true,
      summary: 'Readiness: PostgreSQL and Redis are reachable',
      response: { 200: ReadinessReport, 503: ReadinessReport }
    }
  }, async function ready (_request, reply) {
    const { ready, checks } = await checkReadiness(app)
    if (ready) return { status: 'ready' as const, checks }
    void reply.header('retry-after', '5')
    return reply.code(503).send({ status: 'unavailable' as const, checks })
  })
}

export default healthRoutes
