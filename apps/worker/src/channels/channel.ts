import type { Company, Delivery } from '@herald/db'

/** What a provider gave back for an accepted message. */
export interface SentMessage {
  /** The provider's id of the message (Message-ID, Twilio SID, ticket). */
  providerId: string | null
  /** True when the provider reports the outcome later (Expo receipts). */
  receipt?: boolean
}

/** One provider: sends one delivery, or throws an error the failure table knows. */
export interface Channel {
  send (delivery: Delivery, company: Company): Promise<SentMessage>
}

/** A company's credentials of one provider type, opened, or null. */
export type CredentialSource = (
  companyId: string,
  type: string
) => Promise<Record<string, string> | null>

/** The providers Herald speaks, as stored in `delivery.provider`. */
export const Provider = {
  smtp: 'smtp',
  sendgrid: 'sendgrid',
  twilio: 'twilio',
  expo: 'expo',
  webpush: 'webpush'
} as const

export type Provider = (typeof Provider)[keyof typeof Provider]
