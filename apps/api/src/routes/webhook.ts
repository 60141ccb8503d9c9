import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { acceptWebhook, authenticateWebhook } from '../lib/webhook-intake.js'
import { Success, errorResponses } from '../schemas/common.js'

const WebhookBody = Type.Object({
  id: Type.Union([
    Type.String({ minLength: 1, maxLength: 255 }),
    // Past 2^53 a JSON number has already lost digits when parsed: two
    // events would share an id. Such an id is refused, not guessed at.
    Type.Integer({
      minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER
    })
  ]),
  event: Type.String({ minLength: 1, maxLength: 100 }),
  company: Type.String({ minLength: 1, maxLength: 255 }),
  data: Type.Record(Type.String(), Type.Unknown())
})

/**
 * Webhook intake: authenticate, store, queue, answer. Nothing else runs
 * here, so the platform's 5 s timeout is never at risk; a storage or queue
 * failure answers 503 so the platform retries.
 */
const webhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/webhook/', {
    schema: {
      tags: ['platform'],
      summary: 'Receive a platform event',
      headers: Type.Object({
        authorization: Type.Optional(Type.String({ maxLength: 1024 }))
      }),
      body: WebhookBody,
      response: { 200: Success, ...errorResponses }
    }
  }, async function receiveWebhook (request) {
    const { body } = request
    const company = await authenticateWebhook(app, body.company, request.headers.authorization)
    const { duplicate } = await acceptWebhook(app, company, body)
    request.intakeResult = duplicate ? 'duplicate' : 'accepted'
    request.log.info({ company: company.id, event: body.event, duplicate }, 'webhook accepted')
    return { status: 'success' as const }
  })
}

export default webhookRoutes
