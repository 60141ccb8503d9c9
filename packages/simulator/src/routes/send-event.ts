import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { deliverWebhook } from '../deliver-webhook.js'
import { success } from '../envelope.js'
import { invalid } from '../errors.js'
import { readFixture } from '../fixtures.js'
import type { RouteOptions } from './route-options.js'

interface SendBody {
  company: string
  event: string
  id?: string
  data?: Record<string, unknown>
}

/** Sample payloads shipped with the simulator, by event name. */
const SAMPLES: Record<string, string> = {
  'transaction.execute': 'webhook-transaction-execute.json',
  'user.create': 'webhook-user-create.json',
  'user.mobile.verify': 'webhook-user-mobile-verify.json',
  'user.password.reset': 'webhook-user-password-reset.json'
}

const bodySchema = {
  type: 'object',
  required: ['company', 'event'],
  additionalProperties: false,
  properties: {
    company: { type: 'string', minLength: 1 },
    event: { type: 'string', minLength: 1 },
    id: { type: 'string', minLength: 1 },
    data: { type: 'object' }
  }
} as const

function sampleData (event: string): Record<string, unknown> | undefined {
  const file = SAMPLES[event]
  return file ? readFixture<{ data: Record<string, unknown> }>(file).data : undefined
}

/**
 * `POST /sim/events/`: a developer's handle on the simulator. Sends an
 * event to every webhook the company registered for it, as the platform
 * would (secret header, retries), with the sample payload when no `data`
 * is given. Not a platform route.
 */
export async function sendEventRoutes (
  app: FastifyInstance,
  { store }: RouteOptions
): Promise<void> {
  app.post<{ Body: SendBody }>('/sim/events/', {
    schema: { body: bodySchema }
  }, async function sendEvent (request) {
    const { company, event } = request.body
    const data = request.body.data ?? sampleData(event)
    if (!data) throw invalid({ data: [`No sample payload for ${event}; send data.`] })
    const hooks = store.webhooks.filter((w) => w.company === company && w.event === event)
    if (hooks.length === 0) {
      throw invalid({ event: [`No webhook registered for ${event} by ${company}.`] })
    }
    const id = request.body.id ?? randomUUID()
    const deliveries = await Promise.all(hooks.map(async (hook) => ({
      url: hook.url,
      attempts: await deliverWebhook({
        url: hook.url, secret: hook.secret, id, event, company, data, maxRetries: 2,
        retryDelayMs: () => 1000
      })
    })))
    return success({ id, deliveries })
  })
}
