import { randomUUID } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Arrivals } from './arrivals.js'
import {
  listenLocal,
  sendForced,
  standInApp,
  type ReplyFn
} from './http-stand-in.js'

/** A push message the stand-in accepted (its ticket was `ok`). */
export interface ExpoMessage {
  ticketId: string
  to: string
  title: string | null
  body: string
  data: unknown
}

interface ExpoResult {
  status: 'ok' | 'error'
  id?: string
  message?: string
  details?: { error: string }
}

/** Expo's push API on a local port; see {@link startExpoStandIn}. */
export interface ExpoStandIn {
  /** Base URL, for `EXPO_API_URL`. */
  readonly url: string
  /** Messages whose ticket was `ok`, in order. */
  readonly messages: ExpoMessage[]
  /** Requests to the send endpoint, accepted or not. */
  readonly attempts: number
  /** Ticket ids asked for at the receipts endpoint, in order. */
  readonly receiptRequests: string[]
  /** Forces answers of the send endpoint (429, 500, ...) per attempt. */
  setReply (fn: ReplyFn): void
  /** Tickets for this token fail with DeviceNotRegistered. */
  unregister (token: string): void
  /** Tickets for this token succeed; its receipt reports `error`. */
  failReceipt (token: string, error?: string): void
  /** While held, receipts are not ready (absent from the answer). */
  holdReceipts (held: boolean): void
  waitForMessages (count: number, timeoutMs?: number): Promise<ExpoMessage[]>
  /** Resolves once `count` receipts were asked for. */
  waitForReceiptRequests (count: number, timeoutMs?: number): Promise<string[]>
  close (): Promise<void>
}

export interface ExpoStandInOptions {
  /** When set, requests must carry `Authorization: Bearer <token>`. */
  accessToken?: string
}

const EXPO_TOKEN = /^Expo(nent)?PushToken\[.+\]$/

function notRegistered (to: string): ExpoResult {
  return {
    status: 'error',
    message: `"${to}" is not a registered push notification recipient`,
    details: { error: 'DeviceNotRegistered' }
  }
}

function requestError (code: string, message: string) {
  return { errors: [{ code, message }] }
}

/**
 * A stand-in for `POST /--/api/v2/push/send` (tickets) and
 * `POST /--/api/v2/push/getReceipts` (receipts) with Expo's bodies: one
 * message or a list, `{data: [ticket]}` back, DeviceNotRegistered for
 * unknown-format or unregistered tokens, receipts by ticket id.
 */
export async function startExpoStandIn (
  options: ExpoStandInOptions = {}
): Promise<ExpoStandIn> {
  const arrivals = new Arrivals<ExpoMessage>('expo stand-in')
  const receiptAsks = new Arrivals<string>('expo receipts')
  const unregistered = new Set<string>()
  const receiptErrors = new Map<string, string>()
  const receipts = new Map<string, ExpoResult>()
  let held = false
  let reply: ReplyFn = () => undefined
  let attempts = 0
  const app = standInApp()

  function authorized (request: FastifyRequest): boolean {
    if (options.accessToken === undefined) return true
    return request.headers.authorization === `Bearer ${options.accessToken}`
  }

  function ticketFor (message: Record<string, unknown>): ExpoResult {
    const to = typeof message.to === 'string' ? message.to : ''
    if (!EXPO_TOKEN.test(to) || unregistered.has(to)) return notRegistered(to)
    const ticketId = randomUUID()
    arrivals.push({
      ticketId,
      to,
      title: typeof message.title === 'string' ? message.title : null,
      body: typeof message.body === 'string' ? message.body : '',
      data: message.data ?? null
    })
    const error = receiptErrors.get(to)
    receipts.set(ticketId, error === undefined
      ? { status: 'ok' }
      : { status: 'error', message: `receipt error ${error}`, details: { error } })
    return { status: 'ok', id: ticketId }
  }

  async function send (request: FastifyRequest<{ Body: unknown }>, res: FastifyReply) {
    attempts++
    const forced = reply(attempts)
    if (forced) return sendForced(res, forced)
    if (!authorized(request)) {
      return res.code(401).send(requestError('UNAUTHORIZED', 'bad access token'))
    }
    const body = request.body
    const list = Array.isArray(body) ? body : [body]
    if (list.some((m) => m === null || typeof m !== 'object')) {
      const error = requestError('VALIDATION_ERROR', 'messages must be objects')
      return res.code(400).send(error)
    }
    const tickets = list.map((m) => ticketFor(m as Record<string, unknown>))
    return { data: Array.isArray(body) ? tickets : tickets[0] }
  }

  async function getReceipts (
    request: FastifyRequest<{ Body: { ids?: unknown } }>,
    res: FastifyReply
  ) {
    if (!authorized(request)) {
      return res.code(401).send(requestError('UNAUTHORIZED', 'bad access token'))
    }
    const ids = Array.isArray(request.body?.ids) ? request.body.ids : []
    const data: Record<string, ExpoResult> = {}
    for (const id of ids) {
      if (typeof id !== 'string') continue
      receiptAsks.push(id)
      const found = receipts.get(id)
      if (found && !held) data[id] = found
    }
    return { data }
  }

  app.post('/--/api/v2/push/send', send)
  app.post('/--/api/v2/push/getReceipts', getReceipts)
  const url = await listenLocal(app)
  return {
    url,
    messages: arrivals.items,
    get attempts () { return attempts },
    receiptRequests: receiptAsks.items,
    setReply (fn) { reply = fn },
    unregister (token) { unregistered.add(token) },
    failReceipt (token, error = 'DeviceNotRegistered') { receiptErrors.set(token, error) },
    holdReceipts (value) { held = value },
    waitForMessages: (count, timeoutMs) => arrivals.waitFor(count, timeoutMs),
    waitForReceiptRequests: (count, timeoutMs) => receiptAsks.waitFor(count, timeoutMs),
    async close () {
      arrivals.clear()
      receiptAsks.clear()
      await app.close()
    }
  }
}
