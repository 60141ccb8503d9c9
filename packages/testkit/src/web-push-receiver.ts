import { createECDH, randomBytes, randomUUID, type ECDH } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Arrivals } from './arrivals.js'
import { listenLocal, standInApp } from './http-stand-in.js'
import {
  decryptWebPush,
  verifyVapid,
  WebPushCheckError,
  type VapidClaims
} from './web-push-crypto.js'

/** A browser subscription as `PushSubscription.toJSON()` gives it. */
export interface BrowserSubscription {
  endpoint: string
  keys: { p256dh: string, auth: string }
}

/** A push the receiver accepted and decrypted. */
export interface WebPushMessage {
  endpoint: string
  /** The decrypted payload, as UTF-8 text. */
  payload: string
  ttl: number
  vapid: VapidClaims
}

/**
 * Decides the status for one request to `endpoint` (1-based `attempt`
 * across all endpoints); undefined lets the receiver check and accept.
 */
export type PushReplyFn = (attempt: number, endpoint: string) => number | undefined

/** A push service and browser in one; see {@link startWebPushReceiver}. */
export interface WebPushReceiver {
  readonly url: string
  /** Accepted, verified and decrypted pushes, in order. */
  readonly messages: WebPushMessage[]
  /** Requests received, accepted or not. */
  readonly attempts: number
  /** Requests refused by a check (bad VAPID, undecryptable body), with why. */
  readonly refusals: string[]
  /**
   * A new subscription, as a browser makes one after
   * `pushManager.subscribe({ applicationServerKey })`.
   */
  subscribe (applicationServerKey: string): BrowserSubscription
  /** From now on the endpoint answers 410 Gone, as after an unsubscribe. */
  expire (endpoint: string): void
  /**
   * From now on the endpoint answers 404 Not Found, as a push service
   * answers for a subscription it dropped or never issued.
   */
  forget (endpoint: string): void
  setReply (fn: PushReplyFn): void
  waitForMessages (count: number, timeoutMs?: number): Promise<WebPushMessage[]>
  close (): Promise<void>
}

interface Subscriber {
  ecdh: ECDH
  auth: Buffer
  serverKey: string
  gone: boolean
}

/**
 * A Web Push endpoint that checks what a real push service and browser
 * check: the VAPID JWT's ES256 signature with the application server key
 * the subscription was made with, its audience and expiry, the
 * `aes128gcm` content coding and a TTL; then it decrypts the payload with
 * the subscription's private key and auth secret (RFC 8291).
 */
export async function startWebPushReceiver (): Promise<WebPushReceiver> {
  const arrivals = new Arrivals<WebPushMessage>('web push receiver')
  const subscribers = new Map<string, Subscriber>()
  const refusals: string[] = []
  let reply: PushReplyFn = () => undefined
  let attempts = 0
  const app = standInApp()

  type PushRequest = FastifyRequest<{ Params: { id: string } }>

  function accept (request: PushRequest, sub: Subscriber) {
    const endpoint = `${url}/push/${request.params.id}`
    const vapid = verifyVapid(request.headers.authorization, sub.serverKey, url)
    if (request.headers['content-encoding'] !== 'aes128gcm') {
      throw new WebPushCheckError(415, 'content-encoding must be aes128gcm')
    }
    const ttl = Number(request.headers.ttl)
    if (!Number.isInteger(ttl) || ttl < 0) {
      throw new WebPushCheckError(400, 'TTL header required')
    }
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
    const payload = decryptWebPush(body, sub.ecdh, sub.auth).toString('utf8')
    arrivals.push({ endpoint, payload, ttl, vapid })
  }

  async function receive (request: PushRequest, res: FastifyReply) {
    attempts++
    const endpoint = `${url}/push/${request.params.id}`
    const forced = reply(attempts, endpoint)
    if (forced !== undefined) return res.code(forced).send()
    const sub = subscribers.get(request.params.id)
    if (!sub) return res.code(404).send()
    if (sub.gone) return res.code(410).send()
    try {
      accept(request, sub)
    } catch (err) {
      if (!(err instanceof WebPushCheckError)) throw err
      refusals.push(err.message)
      return res.code(err.status).send({ reason: err.message })
    }
    return res.code(201).header('location', `${url}/message/${randomUUID()}`).send()
  }

  app.post('/push/:id', receive)
  const url = await listenLocal(app)
  return {
    url,
    messages: arrivals.items,
    get attempts () { return attempts },
    refusals,
    subscribe (serverKey) {
      const ecdh = createECDH('prime256v1')
      ecdh.generateKeys()
      const auth = randomBytes(16)
      const id = randomUUID()
      subscribers.set(id, { ecdh, auth, serverKey, gone: false })
      return {
        endpoint: `${url}/push/${id}`,
        keys: {
          p256dh: ecdh.getPublicKey().toString('base64url'),
          auth: auth.toString('base64url')
        }
      }
    },
    expire (endpoint) {
      const sub = subscribers.get(idOf(endpoint))
      if (sub) sub.gone = true
    },
    forget (endpoint) {
      subscribers.delete(idOf(endpoint))
    },
    setReply (fn) { reply = fn },
    waitForMessages: (count, timeoutMs) => arrivals.waitFor(count, timeoutMs),
    async close () {
      arrivals.clear()
      await app.close()
    }
  }
}

/** The subscription id, the last segment of its endpoint. */
function idOf (endpoint: string): string {
  return endpoint.split('/').pop() ?? ''
}
