import nodemailer, { type Transporter } from 'nodemailer'
import type { Config } from '@herald/config'
import type { Company, Delivery } from '@herald/db'

export interface SentMessage {
  providerId: string | null
}

export interface EmailChannel {
  send(delivery: Delivery, company: Company): Promise<SentMessage>
  close(): void
}

/**
 * Email over SMTP with a pooled nodemailer transport. The Message-ID is
 * derived from the delivery id, so a message re-sent after a crash in the
 * instant between the server's acceptance and our record of it carries the
 * same id and mail systems can fold the two.
 */
export function createEmailChannel (config: Config): EmailChannel {
  const transport: Transporter = nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    pool: true,
    maxConnections: Math.min(config.WORKER_CONCURRENCY, 8),
    ...(config.SMTP_USER
      ? { auth: { user: config.SMTP_USER, pass: config.SMTP_PASSWORD } }
      : {})
  })
  const domain = new URL(config.PUBLIC_URL).hostname || 'herald.invalid'

  async function send (delivery: Delivery, company: Company): Promise<SentMessage> {
    const from = delivery.fromEmail || company.systemEmail || config.SMTP_FROM
    const info = await transport.sendMail({
      from,
      to: delivery.recipient,
      subject: delivery.subject,
      text: delivery.textMessage || undefined,
      html: delivery.htmlMessage || undefined,
      messageId: `<${delivery.id}@${domain}>`,
      headers: { 'X-Herald-Delivery': delivery.id }
    })
    return { providerId: typeof info.messageId === 'string' ? info.messageId : null }
  }

  return { send, close: () => transport.close() }
}
