/**
 * How each delivery failure is treated: one table for every channel, read
 * top to bottom, first match wins. Permanent failures end the delivery as
 * failed at once; transient ones are retried with exponential backoff and
 * jitter until DELIVERY_ATTEMPTS run out, then end as failed too.
 */
export type FailureClass = 'permanent' | 'transient'

export interface Failure {
  class: FailureClass
  reason: string
}

/** What the table looks at, from our own errors and nodemailer's. */
export interface FailureFacts {
  /** Our `HERALD_ERR_*` code, or nodemailer's / Node's (`EAUTH`, `ECONNRESET`). */
  code?: string
  /** SMTP reply code (nodemailer). */
  responseCode?: number
  /** HTTP status of a provider's refusal. */
  status?: number
  /** A provider's own code: Twilio's number, Expo's error name. */
  providerCode?: string
}

export interface FailureRule {
  when: (f: FailureFacts) => boolean
  class: FailureClass
  why: string
}

const NETWORK = [
  'ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNREFUSED', 'ECONNRESET',
  'EDNS', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
  'HERALD_ERR_CHANNEL_UNREACHABLE'
]

/**
 * Twilio error codes that mean the number itself cannot receive the
 * message: invalid, unreachable, not mobile, opted out, or in a region the
 * account may not send to. https://www.twilio.com/docs/api/errors
 */
const TWILIO_BAD_NUMBER = new Set([
  '21211', '21214', '21217', '21401', '21407', '21408', '21421', '21601',
  '21604', '21610', '21612', '21614'
])

/** Expo ticket and receipt errors that another try cannot fix. */
const EXPO_PERMANENT = new Set([
  'MessageTooBig', 'InvalidCredentials', 'MismatchSenderId'
])
const EXPO_RATE_LIMIT = new Set(['MessageRateExceeded'])
const DEVICE_GONE = new Set(['DeviceNotRegistered'])
/** Set by the Web Push channel for a 404 or 410 from the push service. */
const SUBSCRIPTION_GONE = new Set(['SubscriptionGone'])

type When = FailureRule['when']

const code = (...codes: string[]): When => (f) => codes.includes(f.code ?? '')
const providerCode = (codes: ReadonlySet<string>): When => (f) =>
  codes.has(f.providerCode ?? '')
const smtpReply = (base: number): When => (f) => inRange(f.responseCode, base)
const httpStatus = (...statuses: number[]): When => (f) =>
  statuses.includes(f.status ?? 0)
const httpRange = (base: number): When => (f) => inRange(f.status, base)

const permanent = (why: string, when: When): FailureRule =>
  ({ when, class: 'permanent', why })
const transient = (why: string, when: When): FailureRule =>
  ({ when, class: 'transient', why })

/** The table; docs/channels.md shows it to operators. Keep both in step. */
export const FAILURE_TABLE: readonly FailureRule[] = [
  permanent('provider not configured', code('HERALD_ERR_CHANNEL_NO_CREDENTIALS')),
  permanent('invalid recipient', code('HERALD_ERR_CHANNEL_INVALID_RECIPIENT')),
  permanent('no channel for the provider', code('HERALD_ERR_CHANNEL_UNKNOWN_PROVIDER')),
  permanent('no sender address', code('HERALD_ERR_CHANNEL_NO_SENDER')),
  permanent('invalid or unreachable number', providerCode(TWILIO_BAD_NUMBER)),
  permanent('device no longer registered', providerCode(DEVICE_GONE)),
  permanent('browser subscription gone', providerCode(SUBSCRIPTION_GONE)),
  permanent('push service refused the message', providerCode(EXPO_PERMANENT)),
  transient('push service rate limit', providerCode(EXPO_RATE_LIMIT)),
  permanent('SMTP authentication failed', code('EAUTH')),
  permanent('SMTP rejected the message', smtpReply(500)),
  transient('SMTP deferred the message', smtpReply(400)),
  permanent('SMTP refused the envelope', code('EENVELOPE')),
  permanent('provider refused the credentials', httpStatus(401, 403)),
  transient('provider asked to slow down', httpStatus(408, 429)),
  transient('provider failed', httpRange(500)),
  permanent('provider rejected the request', httpRange(400)),
  transient('connection to provider failed', code(...NETWORK))
]

function inRange (code: number | undefined, base: number): boolean {
  return code !== undefined && code >= base && code < base + 100
}

interface ErrorShape extends FailureFacts {
  response?: string
  message?: string
}

function factsOf (err: unknown): ErrorShape {
  if (err === null || typeof err !== 'object') return {}
  const e = err as Record<string, unknown>
  const str = (v: unknown) => typeof v === 'string' ? v : undefined
  const num = (v: unknown) => typeof v === 'number' ? v : undefined
  const out: ErrorShape = {}
  const fields = {
    code: str(e.code),
    responseCode: num(e.responseCode),
    status: num(e.status),
    providerCode: str(e.providerCode),
    response: str(e.response),
    message: str(e.message)
  }
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) Object.assign(out, { [key]: value })
  }
  return out
}

// PostgreSQL text cannot hold NUL: a provider's answer quoting one made
// the row's settle fail and left the delivery claimed, unsettled.
const NUL = /\0/g

/** Unknown errors are transient: retrying what might succeed loses nothing. */
export function classifyFailure (err: unknown): Failure {
  const facts = factsOf(err)
  const rule = FAILURE_TABLE.find((r) => r.when(facts))
  const detail = facts.response ?? facts.message ?? String(err)
  const reason = `${rule?.why ?? 'delivery failed'}: ${detail}`
  return {
    class: rule?.class ?? 'transient',
    reason: reason.replace(NUL, '\uFFFD').slice(0, 1000)
  }
}
