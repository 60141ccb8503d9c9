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
