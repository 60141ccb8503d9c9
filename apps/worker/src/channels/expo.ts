import type { Config } from '@herald/config'
import { retirePushToken, type Company, type Database, type Delivery } from '@herald/db'
import { ProviderRefusedError, ReceiptPendingError } from '../errors.js'
import type { Channel, CredentialSource, SentMessage } from './channel.js'
import {
  isSuccess,
  jsonOf,
  refusalOf,
  type ProviderAnswer,
  type ProviderHttp
} from './provider-http.js'

/** A ticket or receipt as Expo writes them. */
interface ExpoResult {
  status?: string
  id?: string
  message?: string
  details?: { error?: string }
}

/** The outcome a receipt reports for a sent push. */
export type ReceiptOutcome =
  | { ok: true }
  | { ok: false, error: ProviderRefusedError }

/** Mobile push through Expo, plus the receipt check that follows it. */
export interface ExpoChannel extends Channel {
  /** Reads the receipt of a sent delivery; ReceiptPendingError if not ready. */
  receipt (delivery: Delivery, company: Company): Promise<ReceiptOutcome>
}

export interface ExpoChannelOptions {
  config: Config
  http: ProviderHttp
  credentials: CredentialSource
  db: Database
}

const NOT_REGISTERED = 'DeviceNotRegistered'

function refusal (result: ExpoResult): ProviderRefusedError {
  const code = result.details?.error
  return new ProviderRefusedError({
    provider: 'expo',
    ...(code ? { providerCode: code } : {}),
    detail: result.message ?? code ?? 'push refused'
  })
}

/** Expo's request-level errors: `{errors: [{code, message}]}`. */
function requestErrorCode (answer: ProviderAnswer): string | undefined {
  const body = jsonOf(answer) as { errors?: Array<{ code?: unknown }> } | undefined
  const code = body?.errors?.[0]?.code
  return typeof code === 'string' ? code : undefined
}

/**
 * Sends one push per delivery to `POST /--/api/v2/push/send`, with the
 * company's `expo` access token when it stored one (Expo requires it only
 * with enhanced push security). A ticket refused as DeviceNotRegistered
 * retires the token for good. An accepted ticket asks for a receipt check,
 * which the worker runs later as a delayed job.
 */
export function createExpoChannel (options: ExpoChannelOptions): ExpoChannel {
  const { config, http, credentials, db } = options
  const base = config.EXPO_API_URL

  async function call (company: Company, path: string, body: unknown) {
    const token = (await credentials(company.id, 'expo'))?.access_token
    const answer = await http.post({
      provider: 'expo',
      url: new URL(path, base).toString(),
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {})
      },
      body: JSON.stringify(body)
    })
    if (!isSuccess(answer)) {
      throw refusalOf('expo', answer, requestErrorCode(answer))
    }
    return jsonOf(answer) as { data?: unknown } | undefined
  }

  async function refuse (company: Company, token: string, result: ExpoResult) {
    const error = refusal(result)
    if (error.providerCode === NOT_REGISTERED) {
      await retirePushToken(db, company.id, token, error.message)
    }
    return error
  }

  async function send (delivery: Delivery, company: Company): Promise<SentMessage> {
    const message = {
      to: delivery.recipient,
      ...(delivery.subject ? { title: delivery.subject } : {}),
      body: delivery.pushMessage,
      sound: 'default',
      data: { deliveryId: delivery.id }
    }
    const answer = await call(company, '/--/api/v2/push/send', [message])
    const tickets = Array.isArray(answer?.data) ? answer.data : []
    const ticket = tickets[0] as ExpoResult | undefined
    if (ticket?.status === 'ok' && ticket.id) {
      return { providerId: ticket.id, receipt: true }
    }
    throw await refuse(company, delivery.recipient, ticket ?? { message: 'no ticket' })
  }

  async function receipt (delivery: Delivery, company: Company): Promise<ReceiptOutcome> {
    const id = delivery.providerId ?? ''
    const answer = await call(company, '/--/api/v2/push/getReceipts', { ids: [id] })
    const receipts = (answer?.data ?? {}) as Record<string, ExpoResult | undefined>
    const found = receipts[id]
    if (!found) throw new ReceiptPendingError(id)
    if (found.status === 'ok') return { ok: true }
    return { ok: false, error: await refuse(company, delivery.recipient, found) }
  }

  return { send, receipt }
}
