import type { Config } from '@herald/config'
import type { Company, Delivery } from '@herald/db'
import { isE164 } from '../e164.js'
import { InvalidRecipientError, MissingCredentialsError } from '../errors.js'
import type { Channel, CredentialSource, SentMessage } from './channel.js'
import {
  isSuccess,
  jsonOf,
  refusalOf,
  type ProviderHttp
} from './provider-http.js'

interface TwilioAccount {
  sid: string
  token: string
  /** `From` number, or a Messaging Service that picks one. */
  sender: { From: string } | { MessagingServiceSid: string }
}

async function accountOf (
  credentials: CredentialSource,
  companyId: string
): Promise<TwilioAccount> {
  const v = await credentials(companyId, 'twilio')
  const sid = v?.account_sid?.trim()
  const token = v?.auth_token?.trim()
  const service = v?.messaging_service_sid?.trim()
  const from = v?.from_number?.trim()
  if (!sid || !token || !(service || from)) {
    throw new MissingCredentialsError('twilio')
  }
  const sender = service ? { MessagingServiceSid: service } : { From: from ?? '' }
  return { sid, token, sender }
}

/** Twilio's error body: `{code, message, more_info, status}`. */
function errorCodeOf (body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined
  const code = (body as { code?: unknown }).code
  return typeof code === 'number' || typeof code === 'string'
    ? String(code)
    : undefined
}

function sidOf (body: unknown): string | null {
  const sid = (body as { sid?: unknown } | null)?.sid
  return typeof sid === 'string' ? sid : null
}

/**
 * SMS through Twilio's Messages API with the company's `twilio`
 * credentials (`account_sid`, `auth_token`, and `from_number` or
 * `messaging_service_sid`). The number is checked to be E.164 first, so a
 * malformed one never costs a provider call.
 */
export function createTwilioChannel (
  config: Config,
  http: ProviderHttp,
  credentials: CredentialSource
): Channel {
  async function send (delivery: Delivery, company: Company): Promise<SentMessage> {
    if (!isE164(delivery.recipient)) {
      throw new InvalidRecipientError('recipient is not an E.164 number')
    }
    const account = await accountOf(credentials, company.id)
    const path = `/2010-04-01/Accounts/${encodeURIComponent(account.sid)}/Messages.json`
    const basic = Buffer.from(`${account.sid}:${account.token}`).toString('base64')
    const answer = await http.post({
      provider: 'twilio',
      url: new URL(path, config.TWILIO_API_URL).toString(),
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json'
      },
      body: new URLSearchParams({
        To: delivery.recipient,
        ...account.sender,
        Body: delivery.smsMessage
      }).toString()
    })
    const body = jsonOf(answer)
    if (!isSuccess(answer)) throw refusalOf('twilio', answer, errorCodeOf(body))
    return { providerId: sidOf(body) }
  }

  return { send }
}
