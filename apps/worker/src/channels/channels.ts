import type { Config } from '@herald/config'
import type { Company, Database, Delivery } from '@herald/db'
import { UnknownProviderError } from '../errors.js'
import type { Channel, CredentialSource, SentMessage } from './channel.js'
import { createEmailChannel } from './email.js'
import { createExpoChannel, type ExpoChannel } from './expo.js'
import { createProviderHttp } from './provider-http.js'
import { createSendGridChannel } from './sendgrid.js'
import { createTwilioChannel } from './twilio.js'
import { createWebPushChannel } from './web-push.js'

/** Every channel, picked per delivery by its type and provider. */
export interface Channels {
  send (delivery: Delivery, company: Company): Promise<SentMessage>
  readonly expo: ExpoChannel
  close (): Promise<void>
}

export interface ChannelsOptions {
  config: Config
  db: Database
  credentials: CredentialSource
}

/** Rows written before providers were recorded were all SMTP email. */
function providerOf (delivery: Delivery): string | null {
  return delivery.provider ?? (delivery.type === 'email' ? 'smtp' : null)
}

/** Creates the channels over one provider HTTP client and SMTP pool. */
export function createChannels (options: ChannelsOptions): Channels {
  const { config, db, credentials } = options
  const http = createProviderHttp(config.PROVIDER_TIMEOUT_MS)
  const email = createEmailChannel(config, credentials)
  const expo = createExpoChannel({ config, http, credentials, db })
  const shared = { config, http, credentials, db }
  const byProvider: Record<string, { type: string, channel: Channel }> = {
    smtp: { type: 'email', channel: email },
    sendgrid: { type: 'email', channel: createSendGridChannel(config, http, credentials) },
    twilio: { type: 'sms', channel: createTwilioChannel(config, http, credentials) },
    expo: { type: 'push', channel: expo },
    webpush: { type: 'push', channel: createWebPushChannel(shared) }
  }

  function send (delivery: Delivery, company: Company): Promise<SentMessage> {
    const provider = providerOf(delivery)
    const entry = provider === null ? undefined : byProvider[provider]
    if (!entry || entry.type !== delivery.type) {
      return Promise.reject(new UnknownProviderError(delivery.type, provider))
    }
    return entry.channel.send(delivery, company)
  }

  async function close (): Promise<void> {
    email.close()
    await http.close()
  }

  return { send, expo, close }
}
