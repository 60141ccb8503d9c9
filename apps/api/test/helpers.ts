import { randomUUID } from 'node:crypto'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Config } from '@herald/config'
import { isolatedSeed, createSimulator, type Simulator } from '@herald/simulator'
import { testConfig, uniqueId } from '@herald/testkit'
import { buildApp } from '../src/app.js'

export interface ApiHarness {
  app: FastifyInstance
  sim: Simulator
  config: Config
  companyId: string
  tokens: { service: string, admin: string, user: string }
  /** `inject` with a JSON body and `Token` authorization when given. */
  call(options: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>
  activate(token?: string): Promise<void>
}

interface TapLike {
  teardown(fn: () => unknown): void
}

/**
 * A running API in front of a simulated platform, for one company of its
 * own. Rows and queue keys are removed at teardown.
 */
export async function startApi (
  t: TapLike,
  overrides: Record<string, string> = {}
): Promise<ApiHarness> {
  const companyId = uniqueId('co')
  const { seed, tokens } = isolatedSeed(companyId)
  const sim = await createSimulator({ seed })
  await sim.listen()
  const config = testConfig({ PLATFORM_URL: sim.url, ...overrides })
  const app = await buildApp({ config })
  await app.ready()
  t.teardown(async () => {
    await app.db.company.deleteMany({ where: { id: companyId } }).catch(() => {})
    await Promise.allSettled([
      app.queues.events.obliterate({ force: true }),
      app.queues.deliveries.obliterate({ force: true }),
      app.queues.triggers.obliterate({ force: true })
    ])
    await app.close()
    await sim.close()
  })
  const base = config.API_BASE_PATH
  const call: ApiHarness['call'] = ({ token, url, headers, ...rest }) =>
    app.inject({
      ...rest,
      url: `${base}${String(url)}`,
      headers: { ...headers, ...(token ? { authorization: `Token ${token}` } : {}) }
    })
  async function activate (token = tokens.service): Promise<void> {
    const res = await call({ method: 'POST', url: '/activate/', payload: { token } })
    if (res.statusCode !== 200) throw new Error(`activation failed: ${res.body}`)
  }
  return { app, sim, config, companyId, tokens, call, activate }
}

/** The webhook secret stored for a company, opened. */
export async function webhookSecret (h: ApiHarness): Promise<string> {
  const company = await h.app.db.company.findUniqueOrThrow({ where: { id: h.companyId } })
  return h.app.box.open(company.webhookSecretEnc)
}

/** An activated company with an admin ready to call. */
export async function startAdmin (
  t: TapLike,
  overrides: Record<string, string> = {}
): Promise<ApiHarness> {
  const h = await startApi(t, overrides)
  await h.activate()
  return h
}

/** A platform user of the harness company, with a token of their own. */
export interface TestUser {
  id: string
  token: string
  email: string
}

/**
 * Adds an end user to the simulated platform for the harness company,
 * in `groups` (default `individual`), with a unique email and a token.
 */
export function addUser (
  h: ApiHarness,
  options: { groups?: string[], email?: string, mobile?: string | null } = {}
): TestUser {
  const id = randomUUID()
  const email = options.email ?? `${id.slice(0, 8)}@users.example`
  h.sim.addUser({
    id,
    company: h.companyId,
    email,
    mobile: options.mobile ?? null,
    first_name: `First${id.slice(0, 4)}`,
    last_name: 'Tester',
    language: 'en',
    timezone: 'UTC',
    groups: (options.groups ?? ['individual']).map((name) => ({ name }))
  })
  const token = `${id}-token`
  h.sim.addToken(token, id)
  return { id, token, email }
}

/** `GET` with the admin token, answering the parsed body. */
export async function adminGet (h: ApiHarness, url: string) {
  const res = await h.call({ method: 'GET', url, token: h.tokens.admin })
  return { statusCode: res.statusCode, body: res.json() }
}

let deliverySeq = 0

/**
 * A delivery row as the worker would have written it, for log tests:
 * sent to `recipient` on `type` for `userId`.
 */
export async function seedDelivery (
  h: ApiHarness,
  row: {
    type?: 'email' | 'sms' | 'push'
    recipient: string
    userId?: string | null
    notificationId?: number | null
    status?: 'queued' | 'sent' | 'failed' | 'skipped'
    createdAt?: Date
    receivedAt?: Date | null
    errorMessage?: string | null
  }
) {
  deliverySeq++
  return h.app.db.delivery.create({
    data: {
      companyId: h.companyId,
      dedupeKey: `test:${h.companyId}:${deliverySeq}:${row.recipient}`,
      type: row.type ?? 'email',
      recipient: row.recipient,
      userId: row.userId ?? null,
      notificationId: row.notificationId ?? null,
      status: row.status ?? 'sent',
      subject: `Subject ${deliverySeq}`,
      textMessage: `Text ${deliverySeq}`,
      htmlMessage: `<p>Html ${deliverySeq}</p>`,
      smsMessage: row.type === 'sms' ? `Sms ${deliverySeq}` : '',
      pushMessage: row.type === 'push' ? `Push ${deliverySeq}` : '',
      provider: row.type === 'sms' ? 'twilio' : row.type === 'push' ? 'expo' : 'smtp',
      errorMessage: row.errorMessage ?? null,
      ...(row.createdAt ? { createdAt: row.createdAt } : {}),
      ...(row.receivedAt ? { receivedAt: row.receivedAt } : {})
    }
  })
}
