import { readFileSync } from 'node:fs'
import type { Config } from '@herald/config'
import { createLogger } from '@herald/log'
import { startSmtpSink, type SmtpSink } from '@herald/testkit'
import { deliverWebhook, type DeliveryAttempt } from '@herald/simulator'
import { startApi, webhookSecret, type ApiHarness } from '../../api/test/helpers.js'
import { startWorker, type RunningWorker } from '../src/worker.js'

export const transactionEvent = JSON.parse(readFileSync(new URL(
  '../../../packages/simulator/fixtures/webhook-transaction-execute.json', import.meta.url
), 'utf8')) as { id: string, event: string, data: Record<string, unknown> }

export const paymentEmail = {
  type: 'email',
  name: 'Payment sent',
  event: 'transaction.execute',
  to_email: '{{ user.email }}',
  subject: 'You sent {{ currency.symbol }}{{ amount|money:currency.divisibility }}',
  text_message: 'Hi {{ user.first_name }}, {{ label }}: {{ amount|money:2 }} {{ currency.code }}.',
  html_message: '<p>Hi {{ user.first_name }}</p>'
}

export interface Stack extends ApiHarness {
  sink: SmtpSink
  secret: string
  worker: RunningWorker | null
  /** Worker settings the tests may start a worker process with. */
  workerEnv: Record<string, string>
  startWorker(): RunningWorker
  createNotification(payload?: object): Promise<number>
  sendEvent(id?: string | number, data?: Record<string, unknown>): Promise<DeliveryAttempt[]>
}

interface TapLike { teardown(fn: () => unknown): void }

/**
 * The whole product for one test company: simulated platform, API, SMTP
 * sink, and (on demand) an in-process worker.
 */
export async function startStack (
  t: TapLike,
  overrides: Record<string, string> = {}
): Promise<Stack> {
  const sink = await startSmtpSink()
  const settings = {
    SMTP_HOST: sink.host,
    SMTP_PORT: String(sink.port),
    DELIVERY_BACKOFF_MS: '50',
    WORKER_LOCK_MS: '2000',
    ...overrides
  }
  const api = await startApi(t, settings)
  await api.activate()
  const secret = await webhookSecret(api)
  const stack: Stack = {
    ...api,
    sink,
    secret,
    worker: null,
    workerEnv: envOf(api.config),
    startWorker () {
      const logger = createLogger({ level: 'silent' })
      const worker = startWorker(api.config, logger)
      stack.worker = worker
      t.teardown(() => worker.close())
      return worker
    },
    async createNotification (payload: object = paymentEmail) {
      const res = await api.call({
        method: 'POST', url: '/admin/notifications/', token: api.tokens.admin, payload
      })
      if (res.statusCode !== 201) throw new Error(`create failed: ${res.body}`)
      return res.json().data.id as number
    },
    async sendEvent (id = transactionEvent.id, data = transactionEvent.data) {
      const address = await api.app.listen({ port: 0, host: '127.0.0.1' }).catch(() => listening(api))
      return deliverWebhook({
        url: `${address}${api.config.API_BASE_PATH}/webhook/`,
        secret,
        id,
        event: transactionEvent.event,
        company: api.companyId,
        data,
        maxRetries: 3,
        retryDelayMs: () => 50
      })
    }
  }
  t.teardown(() => sink.close())
  return stack
}

function listening (api: ApiHarness): string {
  const address = api.app.server.address()
  if (!address || typeof address === 'string') throw new Error('api is not listening')
  return `http://127.0.0.1:${address.port}`
}

/** The configuration as environment variables, for a worker process. */
function envOf (config: Config): Record<string, string> {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, String(v)]))
}

/** Polls until `check` holds or the time runs out. */
export async function eventually (
  check: () => Promise<boolean>,
  timeoutMs = 10_000
): Promise<void> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await check().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('condition not met in time')
}
