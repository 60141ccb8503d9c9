import nodemailer, { type Transporter } from 'nodemailer'
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js'
import type { Config } from '@herald/config'
import type { Company, Delivery } from '@herald/db'
import { MissingCredentialsError } from '../errors.js'
import type { Channel, CredentialSource, SentMessage } from './channel.js'
import { plainTextOf, senderOf } from './email-content.js'
import { connectWithoutDelay } from './smtp-socket.js'

/** SMTP email; `close` ends every pooled connection. */
export interface EmailChannel extends Channel {
  close (): void
}

interface SmtpAccount {
  options: SMTPPool.Options
  from: string
}

/** Company transports kept open at once; the oldest is closed first. */
const MAX_COMPANY_TRANSPORTS = 100

/**
 * Email over SMTP with pooled nodemailer transports: the company's own
 * server when it stored `smtp` credentials (host, port, secure, user,
 * password, from_email), else the configured default. The Message-ID is derived
 * from the delivery id, so a message re-sent after a crash in the instant
 * between the server's acceptance and our record of it carries the same id
 * and mail systems can fold the two.
 */
export function createEmailChannel (
  config: Config,
  credentials: CredentialSource = async () => null
): EmailChannel {
  const fallback = createDefaultTransport(config)
  const companies = new Map<string, { key: string, transport: Transporter }>()
  const domain = new URL(config.PUBLIC_URL).hostname || 'herald.invalid'

  async function accountOf (company: Company): Promise<SmtpAccount | null> {
    const values = await credentials(company.id, 'smtp')
    return values ? companyAccount(values, config) : null
  }

  function transportOf (companyId: string, account: SmtpAccount): Transporter {
    const key = JSON.stringify(account.options)
    const cached = companies.get(companyId)
    if (cached?.key === key) return cached.transport
    cached?.transport.close()
    companies.delete(companyId)
    evictOldest(companies)
    const transport = createTransport(account.options)
    companies.set(companyId, { key, transport })
    return transport
  }

  async function send (delivery: Delivery, company: Company): Promise<SentMessage> {
    const account = await accountOf(company)
    const transport = account ? transportOf(company.id, account) : fallback
    const from = senderOf(delivery, company, account?.from || config.SMTP_FROM)
    const info = await transport.sendMail({
      from,
      to: delivery.recipient,
      subject: delivery.subject,
      text: plainTextOf(delivery) || undefined,
      html: delivery.htmlMessage || undefined,
      messageId: `<${delivery.id}@${domain}>`,
      headers: { 'X-Herald-Delivery': delivery.id }
    })
    return { providerId: typeof info.messageId === 'string' ? info.messageId : null }
  }

  function close (): void {
    fallback.close()
    for (const { transport } of companies.values()) transport.close()
    companies.clear()
  }

  return { send, close }
}

/**
 * The pooled transport to the configured SMTP server (SMTP_*), as the
 * channel uses it for companies without their own; the bench's bare
 * worker sends through the same one.
 */
export function createDefaultTransport (config: Config): Transporter {
  return createTransport(defaultAccount(config).options)
}

function createTransport (options: SMTPPool.Options): Transporter {
  return nodemailer.createTransport(options)
}

function evictOldest (
  companies: Map<string, { transport: Transporter }>
): void {
  if (companies.size < MAX_COMPANY_TRANSPORTS) return
  const [oldest] = companies.keys()
  if (oldest === undefined) return
  companies.get(oldest)?.transport.close()
  companies.delete(oldest)
}

function pooled (config: Config): SMTPPool.Options {
  return {
    pool: true,
    maxConnections: Math.min(config.WORKER_CONCURRENCY, 8),
    connectionTimeout: config.PROVIDER_TIMEOUT_MS,
    greetingTimeout: config.PROVIDER_TIMEOUT_MS,
    // silence after the greeting: nodemailer would wait 10 minutes for a
    // reply; an idle pooled connection closes too and is opened anew
    socketTimeout: config.PROVIDER_TIMEOUT_MS,
    // TCP_NODELAY: without it every message waits on a delayed ACK
    getSocket: connectWithoutDelay
  }
}

function defaultAccount (config: Config): SmtpAccount {
  return {
    options: {
      ...pooled(config),
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      ...(config.SMTP_USER
        ? { auth: { user: config.SMTP_USER, pass: config.SMTP_PASSWORD } }
        : {})
    },
    from: config.SMTP_FROM
  }
}

/** A company's `smtp` credentials as transport options. */
function companyAccount (
  values: Record<string, string>,
  config: Config
): SmtpAccount {
  const host = values.host?.trim()
  if (!host) throw new MissingCredentialsError('smtp (host)')
  const secure = values.secure === 'true'
  const port = Number(values.port) || (secure ? 465 : 587)
  const user = values.user ?? ''
  return {
    options: {
      ...pooled(config),
      host,
      port,
      secure,
      ...(user ? { auth: { user, pass: values.password ?? '' } } : {})
    },
    from: values.from_email ?? values.from ?? ''
  }
}
