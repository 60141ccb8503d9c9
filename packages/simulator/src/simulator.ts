import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { Agent } from 'undici'
import { buildApp } from './app.js'
import { deliverWebhook } from './deliver-webhook.js'
import { SimulatorNotListeningError } from './errors.js'
import { FailureQueue } from './failures.js'
import { SimStore } from './store.js'
import type {
  DeliverOptions, DeliveryAttempt, RecordedRequest, RegisteredWebhook,
  SimCompany, SimDevice, SimSeed, SimTransaction, SimUser
} from './types.js'

/** A running (or ready to run) platform simulator. */
export interface Simulator {
  /** Base URL once listening, e.g. `http://127.0.0.1:PORT`. */
  readonly url: string
  /** The Fastify app, for `inject()` without a socket. */
  readonly app: FastifyInstance
  /** Listens (default port 0, host 127.0.0.1); resolves with `url`. */
  listen(port?: number, host?: string): Promise<string>
  /** Stops the server and closes delivery connections. */
  close(): Promise<void>
  addCompany(c: SimCompany): void
  addUser(u: SimUser): void
  addToken(token: string, userId: string): void
  addDevice(d: SimDevice): void
  addTransaction(t: SimTransaction): void
  /** Webhooks registered via `POST /3/admin/webhooks/`. */
  readonly webhooks: RegisteredWebhook[]
  /** Every call received, in order, for assertions. */
  readonly requests: RecordedRequest[]
  /**
   * Answers the next call to `path` (query ignored) with `status` and
   * `body` (default: the platform's error envelope). Calls queue up.
   */
  failNext(
    path: string,
    status: number,
    body?: unknown,
    headers?: Record<string, string>
  ): void
  /** Delivers a webhook like the platform; see {@link deliverWebhook}. */
  deliverWebhook(o: DeliverOptions): Promise<DeliveryAttempt[]>
}

/** Options of {@link createSimulator}. */
export interface SimulatorOptions {
  /** Initial state; default empty. Pass `defaultSeed()` for the demo world. */
  seed?: SimSeed
  /** Fastify's request logging; default false. */
  logger?: boolean
}

/** Builds a simulator; call `listen()` to serve it on a socket. */
export async function createSimulator (
  options: SimulatorOptions = {}
): Promise<Simulator> {
  const store = new SimStore(options.seed)
  const failures = new FailureQueue()
  const requests: RecordedRequest[] = []
  const app = await buildApp({ store, failures, requests },
    options.logger ?? false)
  // Own agent, so close() leaves no keep-alive sockets holding the process.
  const agent = new Agent()
  let url: string | undefined

  return {
    get url () {
      if (url === undefined) throw new SimulatorNotListeningError()
      return url
    },
    app,
    async listen (port = 0, host = '127.0.0.1') {
      await app.listen({ port, host })
      url = baseUrl(app, host)
      return url
    },
    async close () {
      url = undefined
      await Promise.all([app.close(), agent.close()])
    },
    addCompany: (c) => { store.addCompany(c) },
    addUser: (u) => { store.addUser(u) },
    addToken: (t, id) => { store.addToken(t, id) },
    addDevice: (d) => { store.addDevice(d) },
    addTransaction: (t) => { store.addTransaction(t) },
    webhooks: store.webhooks,
    requests,
    failNext (path, status, body, headers) {
      failures.add(path, {
        status,
        ...(body === undefined ? {} : { body }),
        ...(headers === undefined ? {} : { headers })
      })
    },
    deliverWebhook: (o) => deliverWebhook(o, agent)
  }
}

function baseUrl (app: FastifyInstance, host: string): string {
  const { port } = app.server.address() as AddressInfo
  const name = host.includes(':') ? `[${host}]` : host
  return `http://${name}:${port}`
}
