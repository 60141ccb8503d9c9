import { randomBytes } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Arrivals } from './arrivals.js'
import {
  listenLocal,
  sendForced,
  standInApp,
  type ReplyFn
} from './http-stand-in.js'

/** An SMS the stand-in accepted, as Twilio would have queued it. */
export interface TwilioMessage {
  sid: string
  accountSid: string
  to: string
  from: string | null
  messagingServiceSid: string | null
  body: string
}

/** Twilio's Messages API on a local port; see {@link startTwilioStandIn}. */
export interface TwilioStandIn {
  /** Base URL, for `TWILIO_API_URL`. */
  readonly url: string
  readonly accountSid: string
  readonly authToken: string
  /** Accepted messages, in order. */
  readonly messages: TwilioMessage[]
  /** Requests to the Messages endpoint, accepted or not. */
  readonly attempts: number
  /** Forces answers (429, 500, ...) per attempt. */
  setReply (fn: ReplyFn): void
  /** Refuse a well-formed number as Twilio does one it cannot reach. */
  rejectNumber (number: string, code?: number): void
  waitForMessages (count: number, timeoutMs?: number): Promise<TwilioMessage[]>
  close (): Promise<void>
}

export interface TwilioStandInOptions {
  accountSid?: string
  authToken?: string
}

const E164 = /^\+[1-9]\d{6,14}$/

type Form = Record<string, string | undefined>

/** Twilio's error body. */
function twilioError (status: number, code: number, message: string) {
  return {
    code,
    message,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status
  }
}

function basicAuth (header: string | undefined): string | null {
  const match = /^Basic (.+)$/i.exec(header ?? '')
  return match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : null
}

/** Checks the form as Twilio does; returns an error body or null. */
function formProblem (form: Form, rejected: Map<string, number>) {
  const to = form.To ?? ''
  if (!to) return twilioError(400, 21604, "A 'To' phone number is required.")
  if (!form.From && !form.MessagingServiceSid) {
    return twilioError(400, 21603, "A 'From' phone number is required.")
  }
  if (!form.Body) return twilioError(400, 21602, 'Message body is required.')
  const code = rejected.get(to) ?? (E164.test(to) ? undefined : 21211)
  if (code === undefined) return null
  return twilioError(400, code, `The 'To' number ${to} is not a valid phone number.`)
}

/**
 * A stand-in for `POST /2010-04-01/Accounts/{sid}/Messages.json`: checks
 * HTTP basic auth against the account, the form-encoded body (To, From or
 * MessagingServiceSid, Body) and the number, and answers with Twilio's
 * message and error bodies.
 */
export async function startTwilioStandIn (
  options: TwilioStandInOptions = {}
): Promise<TwilioStandIn> {
  const accountSid = options.accountSid ?? `AC${randomBytes(16).toString('hex')}`
  const authToken = options.authToken ?? randomBytes(16).toString('hex')
  const arrivals = new Arrivals<TwilioMessage>('twilio stand-in')
  const rejected = new Map<string, number>()
  let reply: ReplyFn = () => undefined
  let attempts = 0
  const app = standInApp()

  async function createMessage (
    request: FastifyRequest<{ Params: { sid: string }, Body: Form }>,
    res: FastifyReply
  ) {
    attempts++
    const forced = reply(attempts)
    if (forced) return sendForced(res, forced)
    if (basicAuth(request.headers.authorization) !== `${accountSid}:${authToken}` ||
        request.params.sid !== accountSid) {
      return res.code(401).send(twilioError(401, 20003, 'Authenticate'))
    }
    const form = request.body ?? {}
    const problem = formProblem(form, rejected)
    if (problem) return res.code(400).send(problem)
    const message: TwilioMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      accountSid,
      to: form.To ?? '',
      from: form.From ?? null,
      messagingServiceSid: form.MessagingServiceSid ?? null,
      body: form.Body ?? ''
    }
    arrivals.push(message)
    return res.code(201).send({
      sid: message.sid, account_sid: accountSid, to: message.to,
      from: message.from, body: message.body, status: 'queued'
    })
  }

  app.post('/2010-04-01/Accounts/:sid/Messages.json', createMessage)
  const url = await listenLocal(app)
  return {
    url,
    accountSid,
    authToken,
    messages: arrivals.items,
    get attempts () { return attempts },
    setReply (fn) { reply = fn },
    rejectNumber (number, code = 21211) { rejected.set(number, code) },
    waitForMessages: (count, timeoutMs) => arrivals.waitFor(count, timeoutMs),
    async close () {
      arrivals.clear()
      await app.close()
    }
  }
}
