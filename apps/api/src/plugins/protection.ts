import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import { MAX_BODY_DEPTH, shapeProblem, type ShapeProblem } from '../lib/body-shape.js'
import { Errors } from '../errors.js'

/** Distinct client addresses whose counts are kept in memory. */
const RATE_LIMIT_CLIENTS = 10000

/**
 * Security headers on every answer, per-address rate limits, a cap on
 * how deeply a JSON body nests (the size cap is Fastify's `bodyLimit`),
 * and no text PostgreSQL cannot store, in the body, query or path.
 * The webhook has a limit of its own, far higher: the platform sends
 * bursts from few addresses, and a refused webhook is only retried later.
 * Counts are kept per process, in memory.
 */
async function protection (app: FastifyInstance): Promise<void> {
  const { config } = app
  const webhookUrl = `${config.API_BASE_PATH}/webhook/`
  const isWebhook = (request: FastifyRequest) =>
    request.routeOptions.url === webhookUrl

  await app.register(helmet, { global: true })
  await app.register(rateLimit, {
    global: true,
    cache: RATE_LIMIT_CLIENTS,
    timeWindow: config.RATE_LIMIT_WINDOW_MS,
    max: async (request) => isWebhook(request)
      ? config.WEBHOOK_RATE_LIMIT_MAX
      : config.RATE_LIMIT_MAX,
    keyGenerator: (request) =>
      `${isWebhook(request) ? 'webhook' : 'api'}:${request.ip}`,
    errorResponseBuilder: () => Errors.rateLimited()
  })

  app.addHook('preValidation', async function checkShape (request) {
    const problem = shapeProblem(request.body, MAX_BODY_DEPTH) ??
      shapeProblem(request.query, MAX_BODY_DEPTH) ??
      shapeProblem(request.params, MAX_BODY_DEPTH)
    if (problem) throw toError(problem)
  })
}

function toError (problem: ShapeProblem) {
  return problem.kind === 'too-deep'
    ? Errors.bodyTooDeep()
    : Errors.validation({ [problem.field]: [problem.message] })
}

export default fp(protection, {
  name: 'herald-protection',
  dependencies: ['herald-infrastructure']
})
