import webpush from 'web-push'
import type { Config } from '@herald/config'
import {
  dropPushSubscription,
  findPushSubscription,
  type Company,
  type Database,
  type Delivery
} from '@herald/db'
import {
  InvalidRecipientError,
  MissingCredentialsError,
  ProviderRefusedError
} from '../errors.js'
import type { Channel, CredentialSource, SentMessage } from './channel.js'
import { isSuccess, refusalOf, type ProviderHttp } from './provider-http.js'

export interface WebPushChannelOptions {
  config: Config
  http: ProviderHttp
  credentials: CredentialSource
  db: Database
}

/** How long a push service keeps an undelivered message: one day. */
const TTL_SECONDS = 24 * 3600

/**
 * The VAPID `sub` claim: the credentials' `subject`, else a mailto of the
 * company's system email, else this service's public https URL.
 */
function subjectOf (
  values: Record<string, string>,
  company: Company,
  config: Config
): string {
  if (values.subject) return values.subject
  if (company.systemEmail) return `mailto:${company.systemEmail}`
  const url = new URL(config.PUBLIC_URL)
  return url.protocol === 'https:' ? url.origin : `mailto:webpush@${url.hostname}`
}

function headersOf (headers: Record<string, string | number>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    // undici sets the length of the body it sends itself
    if (name.toLowerCase() !== 'content-length') out[name] = String(value)
  }
  return out
}

/**
 * Browser push with VAPID. `web-push` encrypts the payload (aes128gcm) and
 * signs the VAPID JWT; the request goes out over the shared provider HTTP
 * client, so timeouts and errors are classified like every other channel.
 * A subscription the push service answers 404 or 410 is deleted.
 */
export function createWebPushChannel (options: WebPushChannelOptions): Channel {
  const { config, http, credentials, db } = options

  async function send (delivery: Delivery, company: Company): Promise<SentMessage> {
    const keys = await credentials(company.id, 'webpush')
    if (!keys?.public_key || !keys.private_key) {
      throw new MissingCredentialsError('webpush')
    }
    const sub = await findPushSubscription(db, company.id, delivery.recipient)
    if (!sub) throw new InvalidRecipientError('browser subscription was removed')
    const payload = JSON.stringify({
      title: delivery.subject,
      body: delivery.pushMessage,
      data: { deliveryId: delivery.id }
    })
    const request = webpush.generateRequestDetails(
      { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
      payload,
      {
        TTL: TTL_SECONDS,
        contentEncoding: 'aes128gcm',
        vapidDetails: {
          subject: subjectOf(keys, company, config),
          publicKey: keys.public_key,
          privateKey: keys.private_key
        }
      }
    )
    const answer = await http.post({
      provider: 'webpush',
      url: request.endpoint,
      headers: headersOf(request.headers),
      body: request.body ?? Buffer.alloc(0)
    })
    if (answer.status === 404 || answer.status === 410) {
      await dropPushSubscription(db, company.id, sub.endpoint)
      throw new ProviderRefusedError({
        provider: 'webpush',
        status: answer.status,
        providerCode: 'SubscriptionGone',
        detail: 'the push service no longer knows this subscription'
      })
    }
    if (!isSuccess(answer)) throw refusalOf('webpush', answer)
    const location = answer.headers.location
    return { providerId: typeof location === 'string' ? location : null }
  }

  return { send }
}
