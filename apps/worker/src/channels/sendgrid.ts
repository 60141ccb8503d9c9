import type { Config } from '@herald/config'
import type { Company, Delivery } from '@herald/db'
import { MissingCredentialsError } from '../errors.js'
import type { Channel, CredentialSource, SentMessage } from './channel.js'
import { parseMailbox, plainTextOf, senderOf } from './email-content.js'
import { isSuccess, refusalOf, type ProviderHttp } from './provider-http.js'

interface SendGridAccount {
  apiKey: string
  from: string
}

async function accountOf (
  credentials: CredentialSource,
  companyId: string
): Promise<SendGridAccount> {
  const values = await credentials(companyId, 'sendgrid')
  const apiKey = values?.api_key?.trim()
  if (!apiKey) throw new MissingCredentialsError('sendgrid')
  return { apiKey, from: values?.from_email ?? values?.from ?? '' }
}

/** The v3 mail-send body: text first, then HTML, as SendGrid requires. */
function mailBody (delivery: Delivery, from: string): object {
  const text = plainTextOf(delivery)
  const content = [
    ...(text ? [{ type: 'text/plain', value: text }] : []),
    ...(delivery.htmlMessage
      ? [{ type: 'text/html', value: delivery.htmlMessage }]
      : [])
  ]
  return {
    personalizations: [{ to: [{ email: delivery.recipient }] }],
    from: parseMailbox(from),
    subject: delivery.subject,
    content: content.length > 0 ? content : [{ type: 'text/plain', value: ' ' }],
    headers: { 'X-Herald-Delivery': delivery.id },
    custom_args: { herald_delivery: delivery.id }
  }
}

/**
 * Email through SendGrid's v3 mail-send API with the company's `sendgrid`
 * credentials (`api_key`, optional `from_email`). 202 is acceptance; its
 * `X-Message-Id` is kept as the provider id.
 */
export function createSendGridChannel (
  config: Config,
  http: ProviderHttp,
  credentials: CredentialSource
): Channel {
  const url = new URL('/v3/mail/send', config.SENDGRID_API_URL).toString()

  async function send (delivery: Delivery, company: Company): Promise<SentMessage> {
    const account = await accountOf(credentials, company.id)
    const from = senderOf(delivery, company, account.from || config.SMTP_FROM)
    const answer = await http.post({
      provider: 'sendgrid',
      url,
      headers: {
        authorization: `Bearer ${account.apiKey}`,
        'content-type': 'application/json'
      },
      body: JSON.stringify(mailBody(delivery, from))
    })
    if (!isSuccess(answer)) throw refusalOf('sendgrid', answer)
    const id = answer.headers['x-message-id']
    return { providerId: typeof id === 'string' ? id : null }
  }

  return { send }
}
