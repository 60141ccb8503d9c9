import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { authenticateStaff } from '../auth.js'
import { success } from '../envelope.js'
import { invalid } from '../errors.js'
import type { SimStore } from '../store.js'
import type { RegisteredWebhook } from '../types.js'
import { WEBHOOK_EVENTS } from '../webhook-events.js'
import type { RouteOptions } from './route-options.js'

interface WebhookBody {
  url: string
  event: string
  secret?: string
  condition?: string
}

const bodySchema = {
  type: 'object',
  required: ['url', 'event'],
  properties: {
    url: { type: 'string', minLength: 1 },
    event: { type: 'string', minLength: 1 },
    secret: { type: 'string' },
    condition: { type: 'string' }
  }
} as const

/** `POST /3/admin/webhooks/`: register a webhook for the caller's company. */
export async function webhookRoutes (
  app: FastifyInstance,
  { store }: RouteOptions
): Promise<void> {
  app.post<{ Body: WebhookBody }>('/3/admin/webhooks/', {
    schema: { body: bodySchema },
    // The platform checks the token before it looks at the body.
    onRequest: async function requireStaff (request) {
      authenticateStaff(store, request)
    }
  }, async function createWebhook (request, reply) {
    const webhook = register(store, request)
    return reply.code(201).send(success(webhook))
  })
}

function register (
  store: SimStore,
  request: FastifyRequest<{ Body: WebhookBody }>
): RegisteredWebhook {
  const { company } = authenticateStaff(store, request)
  const { url, event, secret, condition } = request.body
  checkEvent(event)
  checkUnique(store, company, url, event)
  const webhook: RegisteredWebhook = {
    id: randomUUID(), company, url, event, secret: secret ?? ''
  }
  if (condition !== undefined) webhook.condition = condition
  store.webhooks.push(webhook)
  return webhook
}

function checkEvent (event: string): void {
  if (WEBHOOK_EVENTS.has(event)) return
  throw invalid({ event: [`"${event}" is not a valid choice.`] })
}

function checkUnique (
  store: SimStore,
  company: string,
  url: string,
  event: string
): void {
  const taken = store.webhooks.some((w) =>
    w.company === company && w.url === url && w.event === event)
  if (!taken) return
  throw invalid({
    non_field_errors: ['A webhook with this url and event already exists.']
  })
}
