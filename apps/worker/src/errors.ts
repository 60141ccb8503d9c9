/**
 * The worker's error catalogue. Channels throw these so the failure table
 * (failures.ts) can tell permanent from transient by code and status
 * rather than by parsing messages.
 */
export class WorkerError extends Error {
  readonly code: string

  constructor (code: string, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
    this.code = code
  }
}

/** The delivery is held by another live worker; try again later. */
export class DeliveryBusyError extends WorkerError {
  constructor (deliveryId: string) {
    super(
      'HERALD_ERR_WORKER_DELIVERY_BUSY',
      `delivery ${deliveryId} is being sent by another worker`
    )
  }
}

/** The company holds no credentials the delivery's provider needs. */
export class MissingCredentialsError extends WorkerError {
  constructor (provider: string) {
    super(
      'HERALD_ERR_CHANNEL_NO_CREDENTIALS',
      `the company has no ${provider} credentials`
    )
  }
}

/** The recipient cannot be addressed on this channel (e.g. not E.164). */
export class InvalidRecipientError extends WorkerError {
  constructor (reason: string) {
    super('HERALD_ERR_CHANNEL_INVALID_RECIPIENT', reason)
  }
}

/** An email has no sender: no notification, company or default address. */
export class NoSenderError extends WorkerError {
  constructor () {
    super(
      'HERALD_ERR_CHANNEL_NO_SENDER',
      'no sender address: set the notification\'s from_email, the ' +
        'company\'s system_email or SMTP_FROM'
    )
  }
}

/** A delivery names a provider no channel serves. */
export class UnknownProviderError extends WorkerError {
  constructor (type: string, provider: string | null) {
    super(
      'HERALD_ERR_CHANNEL_UNKNOWN_PROVIDER',
      `no channel delivers ${type} through ${provider ?? 'no provider'}`
    )
  }
}

/** The provider could not be reached or did not answer in time. */
export class ProviderUnreachableError extends WorkerError {
  readonly provider: string

  constructor (provider: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause)
    super(
      'HERALD_ERR_CHANNEL_UNREACHABLE',
      `${provider} unreachable: ${detail}`,
      { cause }
    )
    this.provider = provider
  }
}

/** What a provider answered when it refused a message. */
export interface Refusal {
  provider: string
  /** HTTP status, when the refusal came over HTTP. */
  status?: number
  /** The provider's own error code (Twilio 21211, Expo DeviceNotRegistered). */
  providerCode?: string
  /** The provider's explanation, trimmed. */
  detail: string
}

/** The provider answered and refused the message. */
export class ProviderRefusedError extends WorkerError {
  readonly provider: string
  readonly status: number | undefined
  readonly providerCode: string | undefined

  constructor (refusal: Refusal) {
    const code = refusal.providerCode ? ` ${refusal.providerCode}` : ''
    const status = refusal.status === undefined ? '' : ` (${refusal.status})`
    super(
      'HERALD_ERR_CHANNEL_REFUSED',
      `${refusal.provider}${status}${code}: ${refusal.detail}`.slice(0, 900)
    )
    this.provider = refusal.provider
    this.status = refusal.status
    this.providerCode = refusal.providerCode
  }
}

/** The company holds no platform token, so its users cannot be looked up. */
export class NoServiceTokenError extends WorkerError {
  constructor (companyId: string) {
    super(
      'HERALD_ERR_WORKER_NO_SERVICE_TOKEN',
      `company ${companyId} has no platform service token`
    )
  }
}

/** An Expo receipt is not ready yet; the receipt job tries again. */
export class ReceiptPendingError extends WorkerError {
  constructor (ticketId: string) {
    super('HERALD_ERR_CHANNEL_RECEIPT_PENDING', `no receipt yet for ${ticketId}`)
  }
}

/** Every code above, for the test that keeps them unique and documented. */
export const WORKER_ERROR_CODES = [
  'HERALD_ERR_WORKER_DELIVERY_BUSY',
  'HERALD_ERR_WORKER_NO_SERVICE_TOKEN',
  'HERALD_ERR_CHANNEL_NO_CREDENTIALS',
  'HERALD_ERR_CHANNEL_INVALID_RECIPIENT',
  'HERALD_ERR_CHANNEL_UNKNOWN_PROVIDER',
  'HERALD_ERR_CHANNEL_NO_SENDER',
  'HERALD_ERR_CHANNEL_UNREACHABLE',
  'HERALD_ERR_CHANNEL_REFUSED',
  'HERALD_ERR_CHANNEL_RECEIPT_PENDING'
] as const
