import { randomBytes } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Arrivals } from './arrivals.js'
import {
  listenLocal,
  sendForced,
  standInApp,
  type ReplyFn
} from './http-stand-in.js'

/** A mail the stand-in accepted, flattened from the v3 body. */
export interface SendGridMail {
  messageId: string
  to: string[]
  from: { email: string, name?: string }
  subject: string
  /** `content` in order, by MIME type. */
  content: Array<{ type: string, value: string }>
  headers: Record<string, string>
}

/** SendGrid's v3 mail-send on a local port; see {@link startSendGridStandIn}. */
export interface SendGridStandIn {
  /** Base URL, for `SENDGRID_API_URL`. */
  readonly url: string
  readonly apiKey: string
  readonly mails: SendGridMail[]
  readonly attempts: number
  setReply (fn: ReplyFn): void
  waitForMails (count: number, timeoutMs?: number): Promise<SendGridMail[]>
  close (): Promise<void>
}

interface V3Body {
  personalizations?: Array<{ to?: Array<{ email?: string }> }>
  from?: { email?: string, name?: string }
  subject?: string
  content?: Array<{ type?: string, value?: string }>
  headers?: Record<string, string>
}

function sendGridError (message: string, field: string | null = null) {
  return { errors: [{ message, field, help: null }] }
}

/** The checks SendGrid makes that a client can get wrong; null when fine. */
function problemOf (body: V3Body): string | null {
  const to = body.personalizations?.[0]?.to?.[0]?.email
  if (!to) return 'personalizations.0.to is required'
  if (!body.from?.email) return 'from.email is required'
  if (!body.subject) return 'subject is required'
  const content = body.content ?? []
  if (content.length === 0 || content.some((c) => !c.type || !c.value)) {
    return 'content needs a type and a non-empty value'
  }
  if (content.length > 1 && content[0]?.type !== 'text/plain') {
    return 'text/plain must come first'
  }
  return null
}

/** The accepted body, flattened. */
function mailOf (body: V3Body): Omit<SendGridMail, 'messageId'> {
  const name = body.from?.name
  return {
    to: (body.personalizations ?? [])
      .flatMap((p) => (p.to ?? []).map((t) => t.email ?? '')),
    from: { email: body.from?.email ?? '', ...(name ? { name } : {}) },
    subject: body.subject ?? '',
    content: (body.content ?? [])
      .map((c) => ({ type: c.type ?? '', value: c.value ?? '' })),
    headers: body.headers ?? {}
  }
}

/**
 * A stand-in for `POST /v3/mail/send`: bearer API key, the v3 JSON body
 * checked as SendGrid checks it, 202 with `X-Message-Id` on success.
 */
export async function startSendGridStandIn (
  options: { apiKey?: string } = {}
): Promise<SendGridStandIn> {
  const apiKey = options.apiKey ?? `SG.${randomBytes(12).toString('hex')}`
  const arrivals = new Arrivals<SendGridMail>('sendgrid stand-in')
  let reply: ReplyFn = () => undefined
  let attempts = 0
  const app = standInApp()

  async function send (request: FastifyRequest<{ Body: V3Body }>, res: FastifyReply) {
    attempts++
    const forced = reply(attempts)
    if (forced) return sendForced(res, forced)
    if (request.headers.authorization !== `Bearer ${apiKey}`) {
      return res.code(401).send(sendGridError(
        'The provided authorization grant is invalid, expired, or revoked'
      ))
    }
    const body = request.body ?? {}
    const problem = problemOf(body)
    if (problem) return res.code(400).send(sendGridError(problem))
    const messageId = randomBytes(11).toString('base64url')
    arrivals.push({ messageId, ...mailOf(body) })
    return res.code(202).header('x-message-id', messageId).send()
  }

  app.post('/v3/mail/send', send)
  const url = await listenLocal(app)
  return {
    url,
    apiKey,
    mails: arrivals.items,
    get attempts () { return attempts },
    setReply (fn) { reply = fn },
    waitForMails: (count, timeoutMs) => arrivals.waitFor(count, timeoutMs),
    async close () {
      arrivals.clear()
      await app.close()
    }
  }
}
